import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '@grants/queue';
import {
  createTestContext,
  insertCompetition,
  pollUntil,
  RUSH_PASSWORD,
  RushApplicant,
  seedRushApplicants,
  TestContext,
  untilWaitingOnLocks,
} from '@grants/testing';

const R1 = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const R2 = '0b1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e60';
const R3 = '1b1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e61';

/*
 * The door of the submit: with SUBMIT_MAX_IN_FLIGHT submits in flight, the next one is answered 503 with
 * Retry-After before its body is read. Its arrival is kept under its X-Request-Id: the retry of that very
 * request after the deadline counts from the first attempt and is accepted; a retry under another id, or
 * the same id for another application, is judged by its own arrival and refused.
 */
describe('The submit door: 503 when full, and the retry keeps the first arrival', () => {
  let ctx: TestContext;
  let ds: DataSource;
  let competitionId: string;
  let ngos: (RushApplicant & { token: string })[];

  beforeAll(async () => {
    ctx = await createTestContext({ env: { SUBMIT_MAX_IN_FLIGHT: '1' } });
    ds = ctx.api.get(DataSource);
    competitionId = await insertCompetition(ds, { submissionDeadline: new Date(Date.now() + 3_600_000) });
    const seeded = await seedRushApplicants((sql, params) => ds.query(sql, params), competitionId, 4, 'door');
    ngos = await Promise.all(
      seeded.map(async (a) => {
        const res = await ctx.http.anonymous().post('/auth/login', { email: a.email, password: RUSH_PASSWORD });
        return { ...a, token: res.body.accessToken as string };
      }),
    );
  });
  afterAll(() => ctx.close());

  const submit = (ngo: RushApplicant & { token: string }, requestId?: string) =>
    ctx.http
      .as(ngo.token)
      .request('POST', `/applications/${ngo.applicationId}/submit`, {}, requestId ? { 'x-request-id': requestId } : {});

  it('turns a submit away while one is in flight, then judges its retry by the first arrival', async () => {
    const [a, b, c, d] = ngos;
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    let deadline: Date;
    try {
      // The competition row is held: a's submit waits for it, in flight.
      await blocker.query(`SELECT id FROM competitions WHERE id = $1 FOR UPDATE`, [competitionId]);
      const first = submit(a);
      await untilWaitingOnLocks(blocker, 1, 'the first submit to wait for the competition');
      const turnedAway = await Promise.all([submit(b, R1), submit(c, R2), submit(d)]);
      for (const res of turnedAway) {
        expect([res.status, res.body.code, res.headers['retry-after']]).toEqual([503, 'SERVICE_UNAVAILABLE', '1']);
      }
      // The kept arrivals are written beside the answer: wait until Redis has them.
      const redis = ctx.api.get<Redis>(REDIS);
      await pollUntil('the kept arrivals', async () =>
        (
          await Promise.all(
            [
              [b, R1],
              [c, R2],
            ].map(([n, id]) => redis.get(`shed-arrival:${(n as RushApplicant).applicationId}:${id as string}`)),
          )
        ).every((v) => v !== null),
      );
      // The deadline passes now, while a still waits.
      // TypeORM answers UPDATE … RETURNING with [rows, affected].
      const [[moved]] = await blocker.query(
        `UPDATE competitions SET submission_deadline = clock_timestamp() WHERE id = $1 RETURNING submission_deadline`,
        [competitionId],
      );
      deadline = moved.submission_deadline;
      await blocker.commitTransaction();
      expect((await first).status).toBe(200);
    } finally {
      await blocker.release();
    }

    // The retry of b's very request: in time by its first arrival, stamped with it.
    const retried = await submit(b, R1);
    expect(retried.status).toBe(200);
    expect(new Date(retried.body.submittedAt).getTime()).toBeLessThan(deadline.getTime());
    // c retries under a new id, d under b's id: each judged by its own arrival, after the deadline.
    for (const res of [await submit(c, R3), await submit(d, R1)]) {
      expect([res.status, res.body.code]).toEqual([422, 'DEADLINE_PASSED']);
      expect(new Date(res.body.details.receivedAt).getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    }
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM applications WHERE competition_id = $1 AND status = 'submitted'`,
      [competitionId],
    );
    expect(n).toBe(2);
  });
});
