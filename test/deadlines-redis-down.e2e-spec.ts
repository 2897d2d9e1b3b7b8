import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlineScheduler } from '@grants/domain';
import { JobQueue, QueueName } from '@grants/queue';
import { createTestContext, insertCompetition, pollUntil, TcpProxy, TestContext } from '@grants/testing';
import { createWorkerApp } from '@grants/worker/setup';

/** Redis unreachable while a competition is (re)scheduled: nothing fails, reconciliation catches up. */
describe('Deadline scheduling while Redis is down', () => {
  let ctx: TestContext;
  let proxy: TcpProxy;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    proxy = await new TcpProxy(6379).start();
    ctx = await createTestContext({
      env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, DEADLINE_RECONCILE_MS: '500' },
    });
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
    await proxy.stop();
  });

  it('returns without throwing; a worker started meanwhile schedules the jobs once Redis is back', async () => {
    const ds = ctx.api.get(DataSource);
    const deadline = new Date(Date.now() + 3600_000);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });

    await proxy.cut();
    const started = Date.now();
    await expect(ctx.api.get(DeadlineScheduler).scheduleCompetition(id)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5000);

    // The worker starts while Redis is still down, and catches up once it is back.
    worker = await createWorkerApp(ctx.config);
    await worker.init();
    await proxy.restore();
    const queue = ctx.api.get(JobQueue).queue(QueueName.Deadlines);
    const job = await pollUntil('reconciliation to schedule the close job', () =>
      queue.getJob(`close_${id}_${deadline.getTime()}`),
    );
    expect(await job!.getState()).toBe('delayed');
  });
});
