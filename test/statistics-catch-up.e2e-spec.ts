import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestContext, TestContext } from '@grants/testing';
import { createWorkerApp } from '@grants/worker/setup';

/**
 * An announcement enqueues its year's compile after commit; if the api died while Redis was down that
 * job never existed. The worker finds years announced after their newest snapshot and compiles them.
 */
describe('Statistics catch-up after a lost announcement compile', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  async function announced(year: number, minutesAgo: number) {
    await db.query(
      `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, directions, criteria,
         submission_opens_at, submission_deadline, review_deadline, status, published_at, closed_at, announced_at)
       VALUES (upper(substr(md5(random()::text), 1, 6)), 'Конкурс ' || $1::text, $1::int, 1000000, 300000, '[]', '[]',
         now() - interval '60 days', now() - interval '30 days', now() - interval '10 days', 'results_announced',
         now() - interval '60 days', now() - interval '30 days', now() - ($2 || ' minutes')::interval)`,
      [year, String(minutesAgo)],
    );
  }

  const snapshots = async (year: number) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM statistics_snapshots WHERE year = $1`, [year]))[0].n);

  it('compiles a year announced after its newest snapshot when the worker starts, and leaves fresh announcements alone', async () => {
    await announced(2031, 10); // its compile was lost
    await announced(2032, 0); // its own compile is still on the way
    worker = await createWorkerApp(ctx.config);
    await worker.init();

    const deadline = Date.now() + 20000;
    while ((await snapshots(2031)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await snapshots(2031)).toBe(1);
    expect(await snapshots(2032)).toBe(0);
    const [{ n: mails }] = await db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE template = 'statistics.compiled' AND payload->>'year' = '2031'`,
    );
    expect(mails).toBe(1);
  });
});
