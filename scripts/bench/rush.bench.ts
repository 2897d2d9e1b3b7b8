/**
 * The deadline rush the way NGOs make it, the same setup as test/deadline-rush.e2e-spec.ts: organizations
 * seeded in SQL with a real (light) argon2id password, real logins over HTTP, every submit over a socket of
 * its own, the built api and the built worker as separate processes, the worker delivering each
 * confirmation mail to a local SMTP sink. Next to it, a bare Fastify + pg server running the submit's SQL
 * core on the same number of drafts, driven by the same client.
 */
import 'reflect-metadata';
import { Pool } from 'pg';
import { AppConfig } from '@grants/config';
import { dropDatabase, migrateDatabase } from '@grants/database';
import { deleteQueueKeys } from '@grants/queue';
import {
  HttpAnswer,
  httpPost,
  loginApplicants,
  Query,
  seedRushApplicants,
  submitAll,
  submitPost,
} from '@grants/testing/rush-fixtures';
import { BenchResult, databaseUrl, freePort, percentile, round, startApp, stopApp, uniqueName } from './bench-support';
import { bareSubmitServer } from './http.bench';
import { startSink } from './notifications.bench';

/** Concurrent submits of the throughput rush (below the default SUBMIT_MAX_IN_FLIGHT of 1,000). */
const ORGS = 900;
/**
 * Throughput rounds, the api's rush and the bare one in turn: on a shared two-core machine one pair swings
 * by a fifth from run to run, so the figures are the medians of the rounds (BENCH_RUSH_ROUNDS, default 3).
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_RUSH_ROUNDS ?? 3));
/** Submits of the rush that straddles the deadline, sent evenly over SPREAD_MS; the deadline is at half. */
const STRADDLE = 600;
const SPREAD_MS = 2000;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret';

let rounds = 0;

async function seedCompetition(pool: Pool, deadlineInMs: number): Promise<string> {
  const run = ++rounds;
  const { rows } = await pool.query(
    `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, min_co_financing_percent,
       directions, criteria, timezone, submission_opens_at, submission_deadline, review_deadline, status, published_at)
     VALUES ('RUSH' || $2, 'Нагрузочный конкурс', 2026, 1000000000, 500000, 10,
       '[{"code":"social","title":"Социальная поддержка"}]', '[]', 'Asia/Krasnoyarsk',
       now() - interval '1 day', now() + ($1 || ' milliseconds')::interval, now() + interval '30 days', 'open', now())
     RETURNING id`,
    [String(deadlineInMs), String(run)],
  );
  return rows[0].id as string;
}

/** Database clock minus this process's clock (ms), corrected by half the round trip. */
async function clockOffset(pool: Pool): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const before = Date.now();
    const { rows } = await pool.query(`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms`);
    const after = Date.now();
    if (after - before < best.rtt) best = { rtt: after - before, offset: rows[0].ms - (before + after) / 2 };
  }
  return best.offset;
}

async function mailsSent(pool: Pool, competitionId: string) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM notifications n JOIN applications a ON a.created_by = n.user_id
     WHERE n.template = 'application.submitted' AND n.status = 'sent' AND a.competition_id = $1`,
    [competitionId],
  );
  return rows[0].n as number;
}

const sortedMs = (answers: HttpAnswer[]) => answers.map((r) => r.doneAt - r.sentAt).sort((a, b) => a - b);
const code = (r: HttpAnswer) => {
  try {
    return JSON.parse(r.body).code as string | undefined;
  } catch {
    return undefined;
  }
};

/** A port for a bench server: BENCH_PORT_BASE + n when set (a shared machine's agreed range), else any free one. */
const benchPort = async (n: number) =>
  process.env.BENCH_PORT_BASE ? Number(process.env.BENCH_PORT_BASE) + n : freePort();

export async function benchRush(): Promise<BenchResult[]> {
  const { DATABASE_URL } = AppConfig.fromEnvironment().values;
  const name = uniqueName('grants_bench_rush');
  const url = databaseUrl(DATABASE_URL, name);
  await migrateDatabase(url);
  const pool = new Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined); // idle clients cut when the bench database is dropped
  const sink = await startSink();
  const [port, workerPort, barePort] = [await benchPort(0), await benchPort(1), await benchPort(2)];
  const env = {
    DATABASE_URL: url,
    JWT_SECRET,
    QUEUE_PREFIX: name,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    // Every organization of a real rush signs in from its own address; here all come from 127.0.0.1.
    AUTH_CLIENT_LIMIT: '0',
  };
  const api = await startApp(
    'apps/api/src/main.js',
    { ...env, PORT: String(port) },
    `http://127.0.0.1:${port}/api/v1/health`,
  );
  const worker = await startApp(
    'apps/worker/src/main.js',
    { ...env, WORKER_HEALTH_PORT: String(workerPort) },
    `http://127.0.0.1:${workerPort}/health`,
  );
  const bare = bareSubmitServer(pool);
  const query: Query = async (sql, params) => (await pool.query(sql, params)).rows;
  const [apiUrl, bareUrl] = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${barePort}`];
  try {
    await bare.listen({ port: barePort, host: '127.0.0.1' });

    // 1. Throughput: ORGS logged-in organizations press submit at once, a deadline ten minutes away; then
    //    the bare baseline on as many drafts with the same client, a socket per request. ROUNDS times.
    const pairs: { api: number; bare: number; mailSeconds: number; consecutive: boolean }[] = [];
    const apiAnswers: HttpAnswer[] = [];
    const bareAnswers: HttpAnswer[] = [];
    let [apiOk, bareOk, mails] = [0, 0, 0];
    for (let n = 1; n <= ROUNDS; n++) {
      const open = await seedCompetition(pool, 600_000);
      const applicants = await seedRushApplicants(query, open, ORGS, `open${n}`);
      const tokens = await loginApplicants(apiUrl, applicants);
      const started = performance.now();
      const answers = await submitAll(apiUrl, applicants, tokens);
      const apiSeconds = (performance.now() - started) / 1000;
      const ok = answers.filter((r) => r.status === 200).length;
      // The worker delivers this round's mails before the next rush (or the bare one) begins.
      const mailStart = performance.now();
      while ((await mailsSent(pool, open)) < ok && performance.now() - mailStart < 120_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const sent = await mailsSent(pool, open);
      const mailSeconds = (performance.now() - mailStart) / 1000;
      const { rows: numbered } = await pool.query(
        `SELECT count(DISTINCT sequence)::int AS n, coalesce(max(sequence), 0)::int AS max FROM applications
         WHERE competition_id = $1 AND status = 'submitted'`,
        [open],
      );

      const bareComp = await seedCompetition(pool, 600_000);
      const bareDrafts = await seedRushApplicants(query, bareComp, ORGS, `bare${n}`);
      const bareStarted = performance.now();
      const bareRound = await Promise.all(bareDrafts.map((a) => httpPost(bareUrl, `/submit/${a.applicationId}`, {})));
      const bareSeconds = (performance.now() - bareStarted) / 1000;

      apiAnswers.push(...answers);
      bareAnswers.push(...bareRound);
      apiOk += ok;
      mails += sent;
      bareOk += bareRound.filter((r) => r.status === 200).length;
      pairs.push({
        api: ORGS / apiSeconds,
        bare: ORGS / bareSeconds,
        mailSeconds,
        consecutive: numbered[0].n === ok && numbered[0].max === ok,
      });
    }
    const median = (values: number[]) =>
      percentile(
        [...values].sort((a, b) => a - b),
        50,
      );
    const apiRate = median(pairs.map((r) => r.api));
    const bareRate = median(pairs.map((r) => r.bare));
    const consecutive = pairs.every((r) => r.consecutive);
    const mailSeconds = Math.max(...pairs.map((r) => r.mailSeconds));
    const roundRatios = pairs.map((r) => round(r.api / r.bare, 2)).join(', ');

    // 2. The deadline falls in the middle of a rush: STRADDLE submits sent evenly over SPREAD_MS.
    const closing = await seedCompetition(pool, 600_000);
    const straddlers = await seedRushApplicants(query, closing, STRADDLE, 'straddle');
    const straddleTokens = await loginApplicants(apiUrl, straddlers);
    const offset = await clockOffset(pool);
    const { rows } = await pool.query(
      `UPDATE competitions SET submission_deadline = date_trunc('milliseconds', clock_timestamp()) + ($2 || ' milliseconds')::interval
       WHERE id = $1 RETURNING submission_deadline`,
      [closing, String(SPREAD_MS / 2)],
    );
    const deadline = new Date(rows[0].submission_deadline).getTime();
    // Each submit at its own moment, by timers: the client sleeps between sends instead of spinning on a
    // core the api and PostgreSQL need.
    const firstSend = Date.now();
    const straddle = await Promise.all(
      straddlers.map(
        (s, i) =>
          new Promise<HttpAnswer>((resolve) =>
            setTimeout(
              () => resolve(submitPost(apiUrl, s.applicationId, straddleTokens[i])),
              firstSend + (i * SPREAD_MS) / straddlers.length - Date.now(),
            ),
          ),
      ),
    );
    // Send times on the database clock.
    const sentDb = (r: HttpAnswer) => r.sentAt + offset;
    const accepted = straddle.filter((r) => r.status === 200);
    const refused = straddle.filter((r) => r.status === 422 && code(r) === 'DEADLINE_PASSED');
    // Each refusal carries its request's arrival stamp: none may be before the deadline.
    const refusedReceivedBefore = refused.filter(
      (r) => Date.parse(JSON.parse(r.body).details.receivedAt) < deadline,
    ).length;
    const other = straddle.length - accepted.length - refused.length;
    const stamps = accepted.map((r) => Date.parse(JSON.parse(r.body).submittedAt));
    const stampedLate = stamps.filter((s) => s >= deadline).length;
    // How long a request took from the client's send to the api's arrival stamp (accepted ones).
    const lag = accepted.map((r, i) => stamps[i] - sentDb(r)).sort((a, b) => a - b);
    const maxLag = lag.length ? Math.max(0, lag[lag.length - 1]) : 0;
    // Refused although sent before the deadline: an upper bound of "received before it and refused";
    // those sent more than the worst measured send-to-arrival lag before it were surely received in time.
    const refusedSentBefore = refused.filter((r) => sentDb(r) < deadline).length;
    // Sent is when the client asked; written, when its connection was up and the request on the wire.
    const writtenDb = (r: HttpAnswer) => r.writtenAt + offset;
    const refusedWrittenBefore = refused.filter((r) => writtenDb(r) < deadline).length;
    const writtenBefore = straddle.filter((r) => writtenDb(r) < deadline).length;
    const clientLag = straddle.map((r) => r.writtenAt - r.sentAt).sort((a, b) => a - b);
    const refusedSurelyInTime = refused.filter((r) => sentDb(r) < deadline - maxLag).length;
    const acceptedSentAfter = accepted.filter((r) => sentDb(r) >= deadline + 5).length;
    const sentBefore = straddle.filter((r) => sentDb(r) < deadline).length;
    const lastDone = Math.max(...straddle.map((r) => r.doneAt + offset)) - deadline;

    const apiLat = sortedMs(apiAnswers);
    const bareLat = sortedMs(bareAnswers);
    const total = ORGS * ROUNDS;
    console.log(
      `rush: ${ROUNDS} rounds of ${ORGS}, ${apiOk}/${total} accepted, median ${round(apiRate)} submits/s ` +
        `(bare ${bareOk}/${total}, median ${round(bareRate)}/s; ratio by round ${roundRatios}), ` +
        `numbers consecutive: ${consecutive ? 'yes' : 'NO'}, ${mails}/${apiOk} mails sent, each round's by ${round(mailSeconds, 1)} s after its last answer; ` +
        `straddle: ${sentBefore} sent before the deadline, ${accepted.length} accepted, ${refused.length} refused, ${other} other, ` +
        `${refusedReceivedBefore} refused though received (stamped) before it, ` +
        `${refusedSentBefore} refused though sent before it (${refusedSurelyInTime} more than the worst lag ${round(maxLag)} ms before), ` +
        `${writtenBefore} written to the socket before it, ${refusedWrittenBefore} of them refused (client send→written p50/max ${round(percentile(clientLag, 50))}/${round(clientLag[clientLag.length - 1])} ms), ` +
        `${stampedLate} stamped late, ${acceptedSentAfter} accepted though sent after it; last answer ${Math.round(lastDone)} ms after the deadline`,
    );
    const baselineName = 'bare Fastify + pg, same SQL core, same client';
    return [
      {
        name: `deadline rush: ${ORGS} concurrent submits, real logins, socket each, worker mailing`,
        value: round(apiRate),
        unit: 'submits/s',
        baseline: round(bareRate),
        baselineName,
        note: `median of ${ROUNDS} rounds (ratios ${roundRatios}); accepted ${apiOk}/${total}, consecutive ${consecutive ? 'yes' : 'NO'}; bare accepted ${bareOk}/${total}`,
      },
      {
        name: 'deadline rush: p50 latency',
        value: round(percentile(apiLat, 50)),
        unit: 'ms',
        baseline: round(percentile(bareLat, 50)),
        baselineName,
      },
      {
        name: 'deadline rush: p99 latency',
        value: round(percentile(apiLat, 99)),
        unit: 'ms',
        baseline: round(percentile(bareLat, 99)),
        baselineName,
      },
      {
        name: 'deadline rush: confirmation mails delivered to the SMTP sink',
        value: mails,
        unit: 'mails',
        note: `all ${apiOk} of ${ROUNDS} rounds, each round's by ${round(mailSeconds, 1)} s after its last answer`,
      },
      {
        name: `deadline in the middle of ${STRADDLE} submits over ${SPREAD_MS / 1000} s: accepted`,
        value: accepted.length,
        unit: 'submits',
        note: `${sentBefore} sent before the deadline; stamped at/after it: ${stampedLate}; other answers: ${other}`,
      },
      {
        name: 'deadline in the middle: refused though received before the deadline (arrival stamp)',
        value: refusedReceivedBefore,
        unit: 'submits',
        note: `of ${refused.length} refused, each refusal carrying its arrival stamp`,
      },
      {
        name: 'deadline in the middle: refused though sent before the deadline',
        value: refusedSentBefore,
        unit: 'submits',
        note: `of ${refused.length} refused; sent more than the worst send-to-arrival lag (${round(maxLag)} ms) before it: ${refusedSurelyInTime}`,
      },
      {
        name: 'deadline in the middle: refused though written to the socket before the deadline',
        value: refusedWrittenBefore,
        unit: 'submits',
        note: `${writtenBefore} written before it; the client's own send→written lag p50 ${round(percentile(clientLag, 50))} ms, max ${round(clientLag[clientLag.length - 1])} ms`,
      },
    ];
  } finally {
    await bare.close();
    await stopApp(worker);
    await stopApp(api);
    await sink.stop();
    await pool.end();
    await deleteQueueKeys(AppConfig.fromEnvironment().values.REDIS_URL, name).catch(() => undefined);
    await dropDatabase(url);
  }
}

if (require.main === module) {
  benchRush()
    .then((rows) => console.table(rows))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
