import { DataSource } from 'typeorm';
import { JobQueue, QueueName } from '@grants/queue';
import { createReviewRound, createTestContext, loginAdmin, pollUntil, TcpProxy, TestContext } from '@grants/testing';

/** The statistics recompile is enqueued after commit: a Redis outage never fails or blocks an announcement. */
describe('Announcing results while Redis is down', () => {
  let ctx: TestContext;
  let proxy: TcpProxy;
  let down = false;

  beforeAll(async () => {
    proxy = await new TcpProxy(6379).start();
    ctx = await createTestContext({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
  });
  afterAll(async () => {
    // restore() listens again, so it is only called while the proxy is cut
    if (down) await proxy.restore();
    await ctx.close();
    await proxy.stop();
  });

  it('commits the announcement in bounded time and enqueues the recompile once Redis is back', async () => {
    const db = ctx.api.get(DataSource);
    const admin = await loginAdmin(ctx.http);
    const round = await createReviewRound(ctx, { requestedAmounts: ['100000.00', '50000.00'] });
    const [winner, other] = round.applications;
    await db.query(`UPDATE applications SET status = 'reviewed', score = 80 WHERE id = $1`, [winner.id]);
    await db.query(`UPDATE applications SET status = 'reviewed', score = 60 WHERE id = $1`, [other.id]);

    await proxy.cut();
    down = true;
    const started = Date.now();
    const res = await ctx.http.as(admin).post(`/competitions/${round.competitionId}/results`, {
      awards: [{ applicationId: winner.id, amount: '100000.00' }],
    });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ awarded: 1, notAwarded: 1, totalAwarded: '100000.00', pending: 0 });
    const [competition] = await db.query(`SELECT status FROM competitions WHERE id = $1`, [round.competitionId]);
    expect(competition.status).toBe('results_announced');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE template IN ('results.awarded', 'results.not_awarded')`,
    );
    expect(count).toBe(2);

    // The add waited in the client's offline queue and goes through when Redis is reachable again.
    await proxy.restore();
    down = false;
    const queue = ctx.api.get(JobQueue).queue(QueueName.Statistics);
    const jobs = await pollUntil('the statistics recompile job', async () => {
      const all = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
      return all.length ? all : undefined;
    });
    expect(jobs.map((j) => j.data)).toContainEqual({ year: round.year, trigger: 'announcement' });
  });
});
