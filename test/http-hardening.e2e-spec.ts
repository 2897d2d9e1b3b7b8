import { AppConfig } from '@grants/config';
import { createApiApp } from '@grants/api/setup';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createDraftApplication,
  createOpenCompetition,
  createReviewRound,
  createStaff,
  createTestContext,
  HttpClient,
  loginAdmin,
  registerNgo,
  Session,
  TestContext,
} from '@grants/testing';

/** `{"email":[[[…n levels…]]]}`; 2,000 levels is about 4 KB. */
const deep = (n: number, key = 'email') => `{"${key}":${'['.repeat(n)}${']'.repeat(n)}}`;

describe('HTTP hardening: body depth, security headers, CORS', () => {
  let ctx: TestContext;
  let admin: Session;
  let ngo: Session;
  let expert: Session;
  let applicationId: string;
  let reviewId: string;
  let competitionId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    ngo = await registerNgo(ctx.http);
    expert = await createStaff(ctx.http, admin, 'expert');
    const open = await createOpenCompetition(ctx.http, admin);
    applicationId = (await createDraftApplication(ctx.http, ngo, open.id)).id;
    const round = await createReviewRound(ctx, { requestedAmounts: ['100000.00'] });
    competitionId = round.competitionId;
    const assigned = await ctx.http.as(admin).post(`/competitions/${competitionId}/assignments`, {
      applicationId: round.applications[0].id,
      expertId: expert.user.id,
    });
    expect(assigned.status).toBe(201);
    reviewId = assigned.body.id;
  });
  afterAll(() => ctx.close());

  it('answers a 2,000-deep JSON body with API.md’s 400 on every body-taking endpoint named, before validation', async () => {
    const cases: Array<[HttpClient, 'POST' | 'PATCH' | 'PUT', string, string]> = [
      [ctx.http.anonymous(), 'POST', '/auth/login', deep(2000)],
      [ctx.http.anonymous(), 'POST', '/auth/register', deep(2000)],
      [ctx.http.as(ngo), 'PATCH', `/applications/${applicationId}`, deep(2000, 'title')],
      [ctx.http.as(expert), 'PUT', `/reviews/${reviewId}`, deep(2000, 'scores')],
      [ctx.http.as(admin), 'POST', `/competitions/${competitionId}/assignments`, deep(2000, 'applicationId')],
    ];
    for (const [http, method, path, body] of cases) {
      expect(Buffer.byteLength(body)).toBeLessThan(4100);
      const res = await http.request(method, path, body, { 'content-type': 'application/json' });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: [expect.stringMatching(/nest.*deeper than 32 levels/)],
      });
    }
    // Just inside the bound the body reaches validation as usual (a field error, not a depth error).
    const shallow = await ctx.http.request('POST', '/auth/login', deep(30), { 'content-type': 'application/json' });
    expect(shallow.status).toBe(400);
    expect(shallow.body.message.join(' ')).toMatch(/email/);
    expect(shallow.body.message.join(' ')).not.toMatch(/deeper/);
    // Brackets inside strings are text, not nesting.
    const text = await ctx.http
      .as(ngo)
      .patch(`/applications/${applicationId}`, { summary: '['.repeat(2000) + '{'.repeat(2000) });
    expect(text.status).toBe(200);
    // Prototype poisoning stays rejected by the parser.
    const proto = await ctx.http.request('POST', '/auth/login', '{"__proto__":{"admin":true},"email":"a@b.c"}', {
      'content-type': 'application/json',
    });
    expect(proto.status).toBe(400);
  });

  it('sends a CSP without inline scripts (inline styles stay allowed)', async () => {
    const res = await ctx.http.get('/health');
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('style-src')).toContain("'unsafe-inline'");
    expect(csp).toContain("default-src 'self'");
    // The pages the api serves still work under it: the OpenAPI UI loads only script files.
    const docs = await ctx.http.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('<script src=');
    expect(docs.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('has CORS off by default: a foreign Origin gets no Access-Control-Allow-Origin, nor does a preflight', async () => {
    const res = await ctx.http.request('GET', '/health', undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await ctx.api
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/login',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('with CORS_ORIGINS set', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await createApiApp(
        new AppConfig({ ...ctx.config.values, CORS_ORIGINS: 'https://portal.example.org, http://localhost:5173' }),
      );
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });
    afterAll(() => app?.close());

    it('allows exactly the listed origins', async () => {
      const http = new HttpClient(app);
      const listed = await http.request('GET', '/health', undefined, { origin: 'https://portal.example.org' });
      expect(listed.headers['access-control-allow-origin']).toBe('https://portal.example.org');
      const second = await http.request('GET', '/health', undefined, { origin: 'http://localhost:5173' });
      expect(second.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      const foreign = await http.request('GET', '/health', undefined, { origin: 'https://evil.example' });
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'OPTIONS',
          url: '/api/v1/auth/login',
          headers: { origin: 'https://portal.example.org', 'access-control-request-method': 'POST' },
        });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://portal.example.org');
    });
  });
});
