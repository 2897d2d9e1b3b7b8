import { createTestContext, loginAdmin, PrivateRedis, TestContext } from '@grants/testing';

/** Asking for a compile while Redis is away answers 503 at once instead of hanging on the queue. */
describe('Statistics requests while Redis is down', () => {
  let redis: PrivateRedis;
  let ctx: TestContext;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await createTestContext({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await ctx.close();
    await redis.stop();
  });

  it('answers 503 SERVICE_UNAVAILABLE within the bound, and 202 again once Redis is back', async () => {
    const admin = await loginAdmin(ctx.http);
    await redis.stop();
    const down = await ctx.http.as(admin).post('/statistics/2026/compile');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    const state = await ctx.http.as(admin).get('/statistics/jobs/123');
    expect(state.status).toBe(503);

    await redis.start();
    let up = await ctx.http.as(admin).post('/statistics/2026/compile');
    for (let i = 0; up.status !== 202 && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      up = await ctx.http.as(admin).post('/statistics/2026/compile');
    }
    expect(up.status).toBe(202);
    expect(up.body.jobId).toEqual(expect.any(String));
  });
});
