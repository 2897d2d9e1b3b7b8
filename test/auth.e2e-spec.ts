import jwt from 'jsonwebtoken';
import {
  createStaff,
  createTestContext,
  loginAdmin,
  registerNgo,
  registrationBody,
  TestContext,
} from '@grants/testing';

describe('Registration, login and access to users and organizations', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('registers an NGO with its first applicant and returns a token', async () => {
    const body = registrationBody();
    const res = await ctx.http.post('/auth/register', body);
    expect(res.status).toBe(201);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ email: body.email, role: 'applicant', locale: 'ru' });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const me = await ctx.http.as(res.body).get('/me');
    expect(me.status).toBe(200);
    expect(me.body.organizationId).toBe(res.body.user.organizationId);
    const org = await ctx.http.as(res.body).get(`/organizations/${res.body.user.organizationId}`);
    expect(org.body).toMatchObject({ inn: body.organization.inn, fullName: body.organization.fullName });
  });

  it('rejects a bad INN checksum with a 400 naming organization.inn', async () => {
    const res = await ctx.http.post('/auth/register', registrationBody({ organization: { inn: '7707083894' } }));
    expect(res.status).toBe(400);
    expect(res.body.message.some((m: string) => m.includes('organization.inn'))).toBe(true);
  });

  it('rejects a bad OGRN checksum naming organization.ogrn', async () => {
    const res = await ctx.http.post('/auth/register', registrationBody({ organization: { ogrn: '1027700132194' } }));
    expect(res.status).toBe(400);
    expect(res.body.message.some((m: string) => m.includes('organization.ogrn'))).toBe(true);
  });

  it('refuses a second registration of the same INN or email (case-insensitive)', async () => {
    const first = registrationBody();
    expect((await ctx.http.post('/auth/register', first)).status).toBe(201);
    const sameInn = await ctx.http.post(
      '/auth/register',
      registrationBody({ organization: { inn: first.organization.inn } }),
    );
    expect(sameInn.status).toBe(409);
    expect(sameInn.body.code).toBe('INN_TAKEN');
    const sameEmail = await ctx.http.post('/auth/register', registrationBody({ email: first.email.toUpperCase() }));
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.code).toBe('EMAIL_TAKEN');
  });

  it('keeps one organization when two registrations of one INN race', async () => {
    const a = registrationBody();
    const b = registrationBody({ organization: { inn: a.organization.inn } });
    const results = await Promise.all([ctx.http.post('/auth/register', a), ctx.http.post('/auth/register', b)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('logs in with any case of the email and throttles after 5 failures', async () => {
    const ngo = await registerNgo(ctx.http);
    const ok = await ctx.http.post('/auth/login', { email: ngo.user.email.toUpperCase(), password: ngo.password });
    expect(ok.status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const bad = await ctx.http.post('/auth/login', { email: ngo.user.email, password: 'wrong-password' });
      expect(bad.status).toBe(401);
    }
    const blocked = await ctx.http.post('/auth/login', { email: ngo.user.email, password: ngo.password });
    expect(blocked.status).toBe(429);
  });

  it('answers 401 without a token and 403 for a role that may not call', async () => {
    expect((await ctx.http.get('/me')).status).toBe(401);
    expect((await ctx.http.as('garbage').get('/me')).status).toBe(401);
    const ngo = await registerNgo(ctx.http);
    const res = await ctx.http.as(ngo).get('/users');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN' });
  });

  it('lets the first admin create staff and list users by role', async () => {
    const admin = await loginAdmin(ctx.http);
    const expert = await createStaff(ctx.http, admin, 'expert');
    expect(expert.user.role).toBe('expert');
    const list = await ctx.http.as(admin).get('/users?role=expert');
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).toContain(expert.user.id);
    expect(list.body).toMatchObject({ page: 1, pageSize: 20 });
    const dup = await ctx.http
      .as(admin)
      .post('/users', { email: expert.user.email, password: 'x'.repeat(12), fullName: 'X', role: 'expert' });
    expect(dup.body.code).toBe('EMAIL_TAKEN');
  });

  it('scopes organizations: own applicant, consultant and admin yes; another NGO 404, experts 403', async () => {
    const admin = await loginAdmin(ctx.http);
    const a = await registerNgo(ctx.http);
    const b = await registerNgo(ctx.http);
    const consultant = await createStaff(ctx.http, admin, 'consultant');
    const expert = await createStaff(ctx.http, admin, 'expert');
    const path = `/organizations/${a.user.organizationId}`;
    expect((await ctx.http.as(a).get(path)).status).toBe(200);
    expect((await ctx.http.as(consultant).get(path)).status).toBe(200);
    expect((await ctx.http.as(admin).get(path)).status).toBe(200);
    expect((await ctx.http.as(b).get(path)).status).toBe(404);
    expect((await ctx.http.as(expert).get(path)).status).toBe(403);
    expect((await ctx.http.as(a).get('/organizations/not-a-uuid')).status).toBe(400);
  });

  it('answers bad input with 4xx in the error shape, never 500', async () => {
    const malformed = await ctx.http.request('POST', '/auth/register', '{"email":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: expect.any(String) });
    const unknown = await ctx.http.post('/auth/register', { ...registrationBody(), isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message.join(' ')).toContain('isAdmin');
    const wrongType = await ctx.http.post('/auth/login', { email: 42, password: ['x'] });
    expect(wrongType.status).toBe(400);
    const huge = await ctx.http.post('/auth/login', { email: 'a@b.c', password: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.statusCode).toBe(413);
  });

  it('serves health and the OpenAPI document', async () => {
    const health = await ctx.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    const docs = await ctx.http.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.paths).toHaveProperty('/api/v1/auth/register');
    expect((await ctx.http.get('/api/docs')).status).toBe(200);
  });

  it('sends security headers and answers CORS from configuration', async () => {
    const res = await ctx.http.request('GET', '/health', undefined, { origin: 'https://rc.example.org' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    // CORS_ORIGINS defaults to none: a foreign origin is not allowed (test/http-hardening.e2e-spec.ts).
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses an expired token', async () => {
    const ngo = await registerNgo(ctx.http);
    const [, payload] = ngo.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(12 * 3600); // JWT_EXPIRES_IN default
    const expired = jwt.sign(
      { sub: claims.sub, role: claims.role, org: claims.org, exp: Math.floor(Date.now() / 1000) - 60 },
      ctx.config.values.JWT_SECRET,
    );
    expect((await ctx.http.as(expired).get('/me')).status).toBe(401);
  });
});
