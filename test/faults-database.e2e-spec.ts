import { createTestContext, registrationBody, TcpProxy, TestContext } from '@grants/testing';

/** PostgreSQL going away under a running api: health says 503, then the api recovers by itself. */
describe('PostgreSQL connection drop', () => {
  let ctx: TestContext;
  let proxy: TcpProxy;

  beforeAll(async () => {
    proxy = await new TcpProxy(5432).start();
    ctx = await createTestContext({
      apiDatabaseUrl: (url) => {
        const u = new URL(url);
        u.port = String(proxy.port);
        return u.toString();
      },
    });
  });
  afterAll(async () => {
    await proxy.stop();
    await ctx.close();
  });

  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last = await probe();
    while (!ok(last) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      last = await probe();
    }
    return last;
  }

  it('answers 503 on health while the database is unreachable and recovers without a restart', async () => {
    expect((await ctx.http.get('/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });

    await proxy.cut();
    const down = await ctx.http.get('/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', db: 'down', redis: 'up' });
    // A write while the database is gone fails cleanly: no 500 with a stack, no half-applied change.
    const body = registrationBody();
    const failed = await ctx.http.post('/auth/register', body);
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(failed.body)).not.toContain('at ');

    await proxy.restore();
    const up = await until(
      () => ctx.http.get('/health'),
      (r) => r.status === 200,
    );
    expect(up.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    const retried = await until(
      () => ctx.http.post('/auth/register', body),
      (r) => r.status === 201,
    );
    expect(retried.status).toBe(201);
  });
});
