import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { createApiApp } from '@grants/api/setup';
import {
  createCompetition,
  createTestContext,
  HttpClient,
  HttpResponse,
  loginAdmin,
  pollUntil,
  registerNgo,
  registrationBody,
  TestContext,
} from '@grants/testing';

const APP_ORIGIN = 'http://grants.test'; // APP_URL of the test configuration

/** The `grants_session` cookie a response sets, with its attributes. */
function sessionCookie(res: HttpResponse): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  return all.find((c) => c.startsWith('grants_session='));
}

const cookieValue = (setCookie: string) => setCookie.split(';')[0];

describe('Browser sessions: the cookie beside Bearer, CSRF check, logout and revocation', () => {
  let ctx: TestContext;
  let anon: HttpClient;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { SESSION_CACHE_MS: '1500' } });
    anon = ctx.http.anonymous();
  });
  afterAll(() => ctx.close());

  async function cookieLogin(): Promise<{ cookie: string; token: string; userId: string; password: string }> {
    const ngo = await registerNgo(ctx.http);
    const res = await anon.post('/auth/login', { email: ngo.user.email, password: ngo.password });
    expect(res.status).toBe(200);
    const set = sessionCookie(res);
    expect(set).toBeDefined();
    return { cookie: cookieValue(set!), token: res.body.accessToken, userId: ngo.user.id, password: ngo.password };
  }

  it('login and register set an httpOnly, SameSite=Lax cookie with the token lifetime; no-store', async () => {
    const body = registrationBody();
    const reg = await anon.post('/auth/register', body);
    expect(reg.status).toBe(201);
    const regCookie = sessionCookie(reg)!;
    expect(regCookie).toContain(`grants_session=${reg.body.accessToken}`);
    expect(reg.headers['cache-control']).toBe('no-store');
    const res = await anon.post('/auth/login', { email: body.email, password: body.password });
    expect(res.headers['cache-control']).toBe('no-store');
    const set = sessionCookie(res)!;
    expect(set).toContain(`grants_session=${res.body.accessToken}`);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).toMatch(/; Path=\//);
    expect(set).toContain(`Max-Age=${12 * 3600}`);
    expect(set).not.toMatch(/; Secure/); // APP_URL is http here
  });

  it('GET /me works with the cookie alone and tells whether the email is confirmed', async () => {
    const { cookie, userId } = await cookieLogin();
    const me = await anon.request('GET', '/me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: userId, emailVerified: false, active: true });
    expect((await anon.request('GET', '/me', undefined, { cookie: 'grants_session=garbage' })).status).toBe(401);
  });

  it('refuses cookie changes from a foreign origin or without Origin/Referer; accepts the app’s own', async () => {
    const { cookie } = await cookieLogin();
    const foreign = await anon.request('POST', '/auth/logout', undefined, { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('CSRF_REJECTED');
    const none = await anon.request('POST', '/auth/logout', undefined, { cookie });
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('CSRF_REJECTED');
    const nullOrigin = await anon.request('POST', '/auth/logout', undefined, { cookie, origin: 'null' });
    expect(nullOrigin.body.code).toBe('CSRF_REJECTED');
    const foreignReferer = await anon.request('POST', '/auth/logout', undefined, {
      cookie,
      referer: 'https://evil.example/page',
    });
    expect(foreignReferer.body.code).toBe('CSRF_REJECTED');
    // APP_URL's origin, the request's own (scheme + Host), and a Referer of the app are accepted.
    const admin = await loginAdmin(ctx.http);
    const adminCookie = cookieValue(
      sessionCookie(await anon.post('/auth/login', { email: admin.user.email, password: admin.password }))!,
    );
    const competition = await createCompetition(ctx.http, admin);
    const patch = (headers: Record<string, string>) =>
      anon.request(
        'PATCH',
        `/competitions/${competition.id}`,
        { title: 'Конкурс «Город для всех» 2' },
        {
          cookie: adminCookie,
          ...headers,
        },
      );
    expect((await patch({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await patch({})).status).toBe(403);
    expect((await patch({ origin: APP_ORIGIN })).status).toBe(200);
    expect((await patch({ referer: `${APP_ORIGIN}/competitions/${competition.id}` })).status).toBe(200);
    expect((await patch({ origin: 'https://api.example', host: 'api.example' })).status).toBe(403); // http, not https
    expect((await patch({ origin: 'http://api.example', host: 'api.example' })).status).toBe(200);
    // Reads are not checked; Bearer requests are never checked.
    expect(
      (await anon.request('GET', '/me', undefined, { cookie: adminCookie, origin: 'https://evil.example' })).status,
    ).toBe(200);
    const bearer = await ctx.http
      .as(admin)
      .request('PATCH', `/competitions/${competition.id}`, { title: 'Конкурс 3' }, { origin: 'https://evil.example' });
    expect(bearer.status).toBe(200);
  });

  it('logout answers 204 and clears the cookie', async () => {
    const { cookie } = await cookieLogin();
    const res = await anon.request('POST', '/auth/logout', undefined, { cookie, origin: APP_ORIGIN });
    expect(res.status).toBe(204);
    const set = sessionCookie(res)!;
    expect(set).toMatch(/^grants_session=;/);
    expect(set).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect((await anon.post('/auth/logout')).status).toBe(401);
  });

  it('accepts body-less actions with Content-Type: application/json and an empty body', async () => {
    const admin = await loginAdmin(ctx.http);
    const competition = await createCompetition(ctx.http, admin);
    const res = await ctx.http
      .as(admin)
      .request('POST', `/competitions/${competition.id}/publish`, '', { 'content-type': 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('open');
    const { token } = await cookieLogin();
    const logout = await ctx.http.as(token).request('POST', '/auth/logout', '', { 'content-type': 'application/json' });
    expect(logout.status).toBe(204);
    // A body-taking endpoint given nothing names its missing fields.
    const empty = await anon.request('POST', '/auth/login', '', { 'content-type': 'application/json' });
    expect(empty.status).toBe(400);
    expect(empty.body.message.join(' ')).toContain('email');
  });

  describe('revocation on another replica', () => {
    let replica: NestFastifyApplication;
    let other: HttpClient;
    beforeAll(async () => {
      replica = await createApiApp(new AppConfig({ ...ctx.config.values }));
      await replica.init();
      await replica.getHttpAdapter().getInstance().ready();
      other = new HttpClient(replica);
    });
    afterAll(() => replica.close());

    it('logout-everywhere makes older tokens 401 here at once and on the other replica within the cache window', async () => {
      const { token, cookie } = await cookieLogin();
      expect((await other.as(token).get('/me')).status).toBe(200); // cached there as valid
      const started = Date.now();
      const res = await anon.request('POST', '/auth/logout-everywhere', undefined, { cookie, origin: APP_ORIGIN });
      expect(res.status).toBe(204);
      expect(sessionCookie(res)).toMatch(/^grants_session=;/);
      expect((await ctx.http.as(token).get('/me')).status).toBe(401);
      await pollUntil(
        'the other replica to refuse the token',
        async () => (await other.as(token).get('/me')).status === 401,
        5000,
        50,
      );
      expect(Date.now() - started).toBeLessThan(1500 + 1000);
      expect((await anon.request('GET', '/me', undefined, { cookie })).status).toBe(401);
    });

    it('a login caches its user on the replica that signed in: its first request reads no row; its own changes still count', async () => {
      const long = await createApiApp(new AppConfig({ ...ctx.config.values, SESSION_CACHE_MS: 60_000 }));
      await long.init();
      await long.getHttpAdapter().getInstance().ready();
      try {
        const here = new HttpClient(long);
        const ngo = await registerNgo(ctx.http);
        const login = await here.anonymous().post('/auth/login', { email: ngo.user.email, password: ngo.password });
        expect(login.status).toBe(200);
        const token = login.body.accessToken as string;
        // Behind every replica's back: only a replica that reads the row sees it.
        await ctx.api.get(DataSource).query(`UPDATE users SET active = false WHERE id = $1`, [ngo.user.id]);
        expect((await here.as(token).get('/me')).status).toBe(200); // the state the login read
        expect((await ctx.http.as(token).get('/me')).status).toBe(401); // read on its first request
        await ctx.api.get(DataSource).query(`UPDATE users SET active = true WHERE id = $1`, [ngo.user.id]);
        // A change made on the replica itself is seen there at once.
        expect((await here.as(token).post('/auth/logout-everywhere')).status).toBe(204);
        expect((await here.as(token).get('/me')).status).toBe(401);
      } finally {
        await long.close();
      }
    });
  });
});
