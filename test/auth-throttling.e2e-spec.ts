import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@grants/config';
import { createApiApp } from '@grants/api/setup';
import { DataSource } from 'typeorm';
import { createTestContext, HttpClient, loginAdmin, registerNgo, registrationBody, TestContext } from '@grants/testing';

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('Login throttling per email (atomic, canonical email)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('evaluates at most 5 of 30 parallel wrong passwords for one email; the rest are 429', async () => {
    const ngo = await registerNgo(ctx.http);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        ctx.http.post('/auth/login', { email: ngo.user.email, password: 'wrong-password' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(25);
    expect((await ctx.http.post('/auth/login', { email: ngo.user.email, password: ngo.password })).status).toBe(429);
  });

  it('does not let another spelling of a locked email (capital dotted İ) log in as the same user', async () => {
    const ngo = await registerNgo(ctx.http, { email: `victim-${Date.now()}@example.org` });
    for (let i = 0; i < 5; i++) {
      expect((await ctx.http.post('/auth/login', { email: ngo.user.email, password: 'wrong-password' })).status).toBe(
        401,
      );
    }
    expect((await ctx.http.post('/auth/login', { email: ngo.user.email, password: ngo.password })).status).toBe(429);
    const dotted = ngo.user.email.replace('victim', 'vİctim');
    const res = await ctx.http.post('/auth/login', { email: dotted, password: ngo.password });
    expect(res.status).not.toBe(200);
    // Upper case, spaces and another normalisation of the same address are the same locked account.
    const upper = await ctx.http.post('/auth/login', {
      email: ` ${ngo.user.email.toUpperCase()} `,
      password: ngo.password,
    });
    expect(upper.status).toBe(429);
  });

  it('stores, finds and keeps unique one canonical email', async () => {
    const ngo = await registerNgo(ctx.http, { email: `Mixed.Case-${Date.now()}@Example.ORG` });
    expect(ngo.user.email).toBe(ngo.user.email.toLowerCase());
    const ok = await ctx.http.post('/auth/login', { email: ngo.user.email.toUpperCase(), password: ngo.password });
    expect(ok.status).toBe(200);
    const [row]: { email: string }[] = await ctx.api
      .get(DataSource)
      .query(`SELECT email FROM users WHERE id = $1`, [ngo.user.id]);
    expect(row.email).toBe(ngo.user.email);
    const again = await ctx.http.post(
      '/auth/register',
      registrationBody({ email: ` ${ngo.user.email.toUpperCase()}` }),
    );
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });
});

describe('Per-client limit of the auth endpoints', () => {
  let ctx: TestContext;
  let proxied: NestFastifyApplication;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { AUTH_CLIENT_LIMIT: '7', AUTH_CLIENT_WINDOW_S: '60' } });
    // A second api on the same database and Redis that trusts X-Forwarded-For (behind a proxy).
    proxied = await createApiApp(new AppConfig({ ...ctx.config.values, TRUST_PROXY: 'true' }));
    await proxied.init();
    await proxied.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await proxied.close();
    await ctx.close();
  });

  async function staff(n: number): Promise<string[]> {
    const admin = await loginAdmin(ctx.http); // 1 request of this client
    const emails: string[] = [];
    for (let i = 0; i < n; i++) {
      const email = `staff-${i}-${Date.now()}@rc.example.org`;
      const res = await ctx.http
        .as(admin)
        .post('/users', { email, password: 'staff-password-123', fullName: 'Эксперт', role: 'expert' });
      expect(res.status).toBe(201);
      emails.push(email);
    }
    return emails;
  }

  it('refuses wrong passwords spread over many accounts from one client; X-Forwarded-For is ignored by default', async () => {
    const emails = await staff(7);
    const statuses: number[] = [];
    for (const [i, email] of emails.entries()) {
      const res = await ctx.http.request(
        'POST',
        '/auth/login',
        { email, password: 'wrong-password' },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    expect((await ctx.http.post('/auth/password-reset', { email: emails[0] })).status).toBe(429);
    const reg = await ctx.http.post('/auth/register', {});
    expect(reg.status === 429 || reg.status === 400).toBe(true);
  });

  it('counts X-Forwarded-For as the client behind a trusted proxy', async () => {
    const http = new HttpClient(proxied);
    const from = (ip: string, i: number) =>
      http.request(
        'POST',
        '/auth/login',
        { email: `nobody-${i}@example.org`, password: 'wrong-password' },
        { 'x-forwarded-for': ip },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await from('203.0.113.9', i)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 429]);
    expect((await from('203.0.113.10', 99)).status).toBe(401);
  });
});
