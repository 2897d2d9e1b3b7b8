import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '@grants/worker/setup';
import {
  createDraftApplication,
  createOpenCompetition,
  createTestContext,
  loginAdmin,
  pollUntil,
  PrivateRedis,
  registerNgo,
  Session,
  TEST_ADMIN,
  TestContext,
} from '@grants/testing';

const NGOS = 8;

/**
 * Redis (queues only; the outbox lives in PostgreSQL) is killed during a submission burst and during an
 * announcement, and comes back empty. State changes commit while it is down; every mail is sent once it returns.
 */
describe('Redis down and back during submissions and an announcement', () => {
  let ctx: TestContext;
  let redis: PrivateRedis;
  let worker: INestApplicationContext | undefined;
  let db: DataSource;

  let admin: Session;
  let competitionId: string;
  let year: number;
  let ngos: Session[];
  let applicationIds: string[];
  let numbers: string[];

  /** Notification rows of a template for the given applications, by status. */
  const rowsOf = async (template: string) =>
    (await db.query(
      `SELECT n.email, n.status, n.payload->>'applicationId' AS application_id FROM notifications n
       WHERE n.template = $1 AND n.payload->>'applicationId' = ANY($2::text[])`,
      [template, applicationIds],
    )) as { email: string; status: string; application_id: string }[];
  const unsent = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE status <> 'sent'`))[0].n as number;

  /** Keeps checking that nothing moves while Redis is down, across several sweep periods and NOTIFY wake-ups. */
  async function holdsPending(template: string, expected: number, ms = 1200) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const rows = await rowsOf(template);
      expect(rows).toHaveLength(expected);
      expect(rows.every((r) => r.status === 'pending')).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await createTestContext({
      env: {
        REDIS_URL: redis.url,
        NOTIFICATION_BACKOFF_MS: '100',
        OUTBOX_SWEEP_MS: '300',
        OUTBOX_STUCK_MS: '2000',
      },
    });
    db = ctx.api.get(DataSource);
    worker = await createWorkerApp(ctx.config);
    await worker.init();
  });
  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await worker?.close();
    await ctx?.close();
    await redis?.stop();
  });

  it('accepts every concurrent submit while Redis is down and mails each applicant exactly once after it returns', async () => {
    admin = await loginAdmin(ctx.http);
    const competition = await createOpenCompetition(ctx.http, admin);
    competitionId = competition.id;
    year = competition.year;
    ngos = await Promise.all(Array.from({ length: NGOS }, () => registerNgo(ctx.http)));
    applicationIds = [];
    for (const ngo of ngos) applicationIds.push((await createDraftApplication(ctx.http, ngo, competitionId)).id);
    // Welcome mails out of the way, so everything counted below is caused by the outage phases.
    await pollUntil('welcome mails sent', async () => (await unsent()) === 0);
    const before = ctx.smtp.mails.length;

    await redis.stop();
    const submitStarted = Date.now();
    const submits = await Promise.all(
      ngos.map((ngo, i) => ctx.http.as(ngo).post(`/applications/${applicationIds[i]}/submit`)),
    );
    expect(submits.map((r) => r.status)).toEqual(Array(NGOS).fill(200));
    const submitMs = Date.now() - submitStarted;
    numbers = submits.map((r) => r.body.registrationNumber as string);
    const sequences = numbers.map((n) => Number(n.split('-').pop())).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: NGOS }, (_, i) => i + 1));
    expect(numbers.every((n) => n.startsWith(`${year}-${competition.shortCode}-`))).toBe(true);

    const statuses = await db.query(`SELECT status FROM applications WHERE id = ANY($1::uuid[])`, [applicationIds]);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(Array(NGOS).fill('submitted'));
    await holdsPending('application.submitted', NGOS);
    expect(ctx.smtp.mails.length).toBe(before);

    // Same port, no persistence: no job, no scheduler, no deduplication key survives.
    await redis.start();
    const back = Date.now();
    await ctx.smtp.waitFor(before + NGOS, 20_000);
    const deliveredMs = Date.now() - back;
    await pollUntil('submitted rows sent', async () => (await unsent()) === 0, 20_000);
    for (const [i, ngo] of ngos.entries()) {
      const mails = ctx.smtp.to(ngo.user.email).filter((m) => m.text.includes(numbers[i]));
      expect(mails).toHaveLength(1);
    }
    const rows = await rowsOf('application.submitted');
    expect(rows).toHaveLength(NGOS);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(ctx.smtp.mails.length).toBe(before + NGOS);
    console.log(
      `Redis down during submissions: ${NGOS} of ${NGOS} concurrent submits accepted in ${submitMs} ms, numbers 1..${NGOS}; ` +
        `${NGOS} mails delivered ${deliveredMs} ms after Redis returned empty, none lost, 0 sent twice`,
    );
  });

  it('commits an announcement while Redis is down, then sends every results mail once and compiles the statistics', async () => {
    // The review round, as in test/awards-redis-down: straight to `reviewed` with distinct scores.
    await db.query(`UPDATE competitions SET status = 'review', closed_at = now() WHERE id = $1`, [competitionId]);
    for (const [i, id] of applicationIds.entries())
      await db.query(`UPDATE applications SET status = 'reviewed', score = $2 WHERE id = $1`, [id, 90 - i]);
    const winners = applicationIds.slice(0, 4);
    const before = ctx.smtp.mails.length;
    const [{ n: snapshotsBefore }] = await db.query(
      `SELECT count(*)::int AS n FROM statistics_snapshots WHERE year = $1`,
      [year],
    );

    await redis.stop();
    const announceStarted = Date.now();
    const res = await ctx.http.as(admin).post(`/competitions/${competitionId}/results`, {
      awards: winners.map((applicationId) => ({ applicationId, amount: '200000.00' })),
    });
    const announceMs = Date.now() - announceStarted;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ awarded: 4, notAwarded: NGOS - 4, totalAwarded: '800000.00', pending: 0 });

    const [competition] = await db.query(`SELECT status FROM competitions WHERE id = $1`, [competitionId]);
    expect(competition.status).toBe('results_announced');
    const decided: { id: string; status: string }[] = await db.query(
      `SELECT id, status FROM applications WHERE id = ANY($1::uuid[])`,
      [applicationIds],
    );
    for (const a of decided) expect(a.status).toBe(winners.includes(a.id) ? 'awarded' : 'not_awarded');
    await holdsPending('results.awarded', 4);
    expect((await rowsOf('results.not_awarded')).every((r) => r.status === 'pending')).toBe(true);
    expect(ctx.smtp.mails.length).toBe(before);

    await redis.start();
    const back = Date.now();
    // NGOS results mails, plus the admin's statistics.compiled once the recompile (held in the api's
    // offline queue through the outage) ran against the restarted Redis.
    await ctx.smtp.waitFor(before + NGOS + 1, 20_000);
    const deliveredMs = Date.now() - back;
    await pollUntil('every row sent', async () => (await unsent()) === 0, 20_000);
    for (const [i, ngo] of ngos.entries()) {
      const results = ctx.smtp.to(ngo.user.email).filter((m) => m.text.includes(numbers[i]));
      // application.submitted + one decision
      expect(results).toHaveLength(2);
    }
    expect((await rowsOf('results.awarded')).map((r) => r.status)).toEqual(Array(4).fill('sent'));
    expect((await rowsOf('results.not_awarded')).map((r) => r.status)).toEqual(Array(NGOS - 4).fill('sent'));

    const snapshots: { job_id: string }[] = await db.query(`SELECT job_id FROM statistics_snapshots WHERE year = $1`, [
      year,
    ]);
    expect(snapshots).toHaveLength(snapshotsBefore + 1);
    const compiled = await db.query(`SELECT status FROM notifications WHERE template = 'statistics.compiled'`);
    expect(compiled).toEqual([{ status: 'sent' }]);
    expect(ctx.smtp.to(TEST_ADMIN.email)).toHaveLength(1);
    expect(ctx.smtp.mails.length).toBe(before + NGOS + 1);
    console.log(
      `Redis down during announcement: committed in ${announceMs} ms (${NGOS} decisions); ${NGOS} results mails + 1 statistics.compiled ` +
        `delivered ${deliveredMs} ms after Redis returned empty, none lost, 0 sent twice; 1 snapshot compiled`,
    );
  });
});
