import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseClock } from '@grants/database';
import {
  createTestContext,
  HttpAnswer,
  insertCompetition,
  loginApplicants,
  pollUntil,
  seedRushApplicants,
  submitAll,
  TestContext,
} from '@grants/testing';
import { createWorkerApp } from '@grants/worker/setup';

/**
 * The deadline rush as NGOs make it: 300 organizations log in and press submit 3 s before the deadline,
 * all at once, each over its own HTTP connection, with the worker running and sending the confirmation
 * mails; 50 more press it 300 ms after the deadline. Arrival decides: every early one is accepted however
 * long it queued, every late one refused, and the close waits for the early ones.
 */
describe('Deadline rush: arrival before the deadline counts', () => {
  const IN_TIME = 300;
  const LATE = 50;
  let ctx: TestContext;
  let ds: DataSource;
  let worker: INestApplicationContext;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SUBMIT_GRACE_MS: '15000', DEADLINE_RECONCILE_MS: '500' } });
    ds = ctx.api.get(DataSource);
    await ctx.api.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.api.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
    worker = await createWorkerApp(ctx.config);
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  const codeOf = (r: HttpAnswer) => {
    try {
      return JSON.parse(r.body).code as string | undefined;
    } catch {
      return undefined;
    }
  };

  const t0 = Date.now();
  const mark = (what: string) => process.env.RUSH_DEBUG && console.log(`${what}: ${Date.now() - t0} ms`);

  it('accepts all 300 sent 3 s before the deadline, numbered 1..300, and refuses all 50 sent 300 ms after', async () => {
    const competitionId = await insertCompetition(ds, { submissionDeadline: new Date(Date.now() + 3_600_000) });
    const query = (sql: string, params?: unknown[]) => ds.query(sql, params);
    const early = await seedRushApplicants(query, competitionId, IN_TIME, 'early');
    const late = await seedRushApplicants(query, competitionId, LATE, 'late');
    mark('seeded');
    const earlyTokens = await loginApplicants(baseUrl, early);
    const lateTokens = await loginApplicants(baseUrl, late);

    mark('logged in');
    // The deadline is put 3 s ahead by the database clock, and the rush starts at once.
    const [{ deadline }] = await ds.query(
      `WITH moved AS (
         UPDATE competitions SET submission_deadline = date_trunc('milliseconds', clock_timestamp()) + interval '3 seconds'
         WHERE id = $1 RETURNING submission_deadline
       ) SELECT submission_deadline AS deadline FROM moved`,
      [competitionId],
    );
    const deadlineMs = new Date(deadline).getTime();
    // Another transaction holds the competition row until after the deadline (as a slow close or an
    // extension would): every submit is stuck in the queue past the deadline, as in a real rush's tail.
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT id FROM competitions WHERE id = $1 FOR UPDATE`, [competitionId]);
    const rush = submitAll(baseUrl, early, earlyTokens);

    // 300 ms after the deadline by the api's own view of the database clock, the latecomers press submit.
    const clock = ctx.api.get(DatabaseClock);
    await pollUntil(
      'the deadline + 300 ms',
      async () => {
        const now = clock.read();
        return now.ok && now.at >= deadlineMs + 300;
      },
      10_000,
      5,
    );
    // (Through the blocker's own connection: the pool is all taken by the waiting submits.)
    const stillQueued = (
      await blocker.query(
        `SELECT count(*)::int AS n FROM applications WHERE competition_id = $1 AND status = 'draft'`,
        [competitionId],
      )
    )[0].n;
    const lateRush = submitAll(baseUrl, late, lateTokens);
    await pollUntil(
      'the deadline + 500 ms',
      async () => {
        const now = clock.read();
        return now.ok && now.at >= deadlineMs + 500;
      },
      10_000,
      5,
    );
    await blocker.commitTransaction();
    await blocker.release();
    const [lateAnswers, earlyAnswers] = await Promise.all([lateRush, rush]);

    mark('answered');
    // Every early submit was still waiting when the deadline passed.
    expect(stillQueued).toBe(IN_TIME + LATE);
    const serverErrors = [...earlyAnswers, ...lateAnswers].filter((r) => r.status >= 500);
    expect(serverErrors.map((r) => `${r.status} ${r.body}`)).toEqual([]);
    expect(earlyAnswers.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body}`)).toEqual([]);
    expect(lateAnswers.map((r) => [r.status, codeOf(r)])).toEqual(Array(LATE).fill([422, 'DEADLINE_PASSED']));
    // Each refusal says when its request arrived: at or after the deadline, however long it then waited.
    for (const r of lateAnswers) {
      const details = JSON.parse(r.body).details as { receivedAt: string; submissionDeadline: string };
      expect(Date.parse(details.submissionDeadline)).toBe(deadlineMs);
      expect(Date.parse(details.receivedAt)).toBeGreaterThanOrEqual(deadlineMs);
    }

    const rows = (await ds.query(
      `SELECT a.sequence, a.registration_number, a.submitted_at, s.submitted_at AS snapshot_at
       FROM applications a JOIN application_snapshots s ON s.application_id = a.id
       WHERE a.competition_id = $1 AND a.submitted_at IS NOT NULL ORDER BY a.sequence`,
      [competitionId],
    )) as { sequence: number; registration_number: string; submitted_at: Date; snapshot_at: Date }[];
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: IN_TIME }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.registration_number)).size).toBe(IN_TIME);
    for (const r of rows) {
      expect(r.submitted_at.getTime()).toBeLessThan(deadlineMs);
      expect(r.snapshot_at.getTime()).toBe(r.submitted_at.getTime());
    }
    // The answer's submittedAt is the arrival stamp, stored as such.
    const answered = earlyAnswers.map((r) => Date.parse(JSON.parse(r.body).submittedAt));
    expect(Math.max(...answered)).toBeLessThan(deadlineMs);

    // The close came after the grace and took every early one as submitted, every late one as not.
    await pollUntil(
      'the close after the grace',
      async () =>
        (await ds.query(`SELECT status, closed_at FROM competitions WHERE id = $1`, [competitionId]))[0]?.status ===
        'review',
      30_000,
    );
    const [{ closed_at: closedAt }] = await ds.query(`SELECT closed_at FROM competitions WHERE id = $1`, [
      competitionId,
    ]);
    expect(new Date(closedAt).getTime()).toBeGreaterThanOrEqual(deadlineMs + 15000);
    const statuses = await ds.query(
      `SELECT status, count(*)::int AS n FROM applications WHERE competition_id = $1 GROUP BY status ORDER BY status`,
      [competitionId],
    );
    expect(statuses).toEqual([
      { status: 'not_submitted', n: LATE },
      { status: 'under_review', n: IN_TIME },
    ]);

    mark('closed');
    // The worker delivered every confirmation, once.
    await pollUntil(
      'the 300 confirmation mails',
      async () =>
        (
          await ds.query(
            `SELECT count(*)::int AS n FROM notifications WHERE template = 'application.submitted' AND status = 'sent'`,
          )
        )[0].n === IN_TIME,
      60_000,
    );
    mark('mails sent');
    const confirmations = ctx.smtp.mails.filter((m) => early.some((a) => m.to.includes(a.email)));
    expect(confirmations.length).toBeGreaterThanOrEqual(IN_TIME);
  }, 180_000);
});
