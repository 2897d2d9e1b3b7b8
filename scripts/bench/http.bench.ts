/**
 * HTTP benchmarks against the built api on this machine's PostgreSQL and Redis: the read path under 64
 * connections, next to a bare Fastify + pg server answering the same query. The bare submit server here is
 * the baseline of the deadline rush (rush.bench.ts).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { AppConfig } from '@grants/config';
import { dropDatabase, migrateDatabase } from '@grants/database';
import { BenchResult, databaseUrl, freePort, round, startApp, stopApp, uniqueName } from './bench-support';

const ORGS = 2000;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret';

interface Seeded {
  competitionId: string;
  adminToken: string;
  applicants: { token: string; applicationId: string }[];
}

let seeded = 0;

async function seed(pool: Pool, deadlineInMs: number): Promise<Seeded> {
  const run = ++seeded;
  const admin = await pool.query(
    `INSERT INTO users (email, password_hash, full_name, role) VALUES ($1, 'x', 'Bench', 'admin') RETURNING id`,
    [`bench-admin-${run}@grants.local`],
  );
  const comp = await pool.query(
    `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, min_co_financing_percent,
       directions, criteria, timezone, submission_opens_at, submission_deadline, review_deadline, status, published_at)
     VALUES ('BENCH' || $2, 'Нагрузочный конкурс', 2026, 100000000, 500000, 10,
       '[{"code":"social","title":"Социальная поддержка"}]', '[]', 'Asia/Krasnoyarsk',
       now() - interval '1 day', now() + ($1 || ' milliseconds')::interval, now() + interval '30 days', 'open', now())
     RETURNING id`,
    [String(deadlineInMs), String(run)],
  );
  const competitionId = comp.rows[0].id as string;
  // Organizations, applicants and complete drafts, set-based.
  const rows = await pool.query(
    `WITH o AS (
       INSERT INTO organizations (full_name, inn)
       SELECT 'НКО №' || g, lpad((g + $3 * 100000)::text, 10, '0') FROM generate_series(1, $1) g RETURNING id, full_name
     ), u AS (
       INSERT INTO users (email, password_hash, full_name, role, organization_id)
       SELECT 'ngo' || $3 || '-' || row_number() over () || '@bench.local', 'x', 'Заявитель', 'applicant', o.id FROM o RETURNING id, organization_id
     ), a AS (
       INSERT INTO applications (competition_id, organization_id, created_by, title, summary, direction, requested_amount,
         co_financing_amount, project_start, project_end, goals, expected_results, budget_lines, geography)
       SELECT $2, u.organization_id, u.id, 'Проект', 'Краткое описание', 'social', 300000, 50000,
         current_date + 60, current_date + 240, 'Цели проекта',
         '[{"indicator":"Участники","target":"100"}]', '[{"item":"Оплата труда","amount":"300000.00"}]', 'г. Лесосибирск'
       FROM u RETURNING id, created_by, organization_id
     )
     SELECT id, created_by, organization_id FROM a`,
    [ORGS, competitionId, run],
  );
  const sign = (sub: string, role: string, org: string | null) =>
    jwt.sign({ sub, role, org }, JWT_SECRET, { expiresIn: '2h' });
  return {
    competitionId,
    adminToken: sign(admin.rows[0].id, 'admin', null),
    applicants: rows.rows.map((r) => ({
      token: sign(r.created_by, 'applicant', r.organization_id),
      applicationId: r.id,
    })),
  };
}

/**
 * The submit's core in bare SQL on a bare Fastify server: the same locks, counter, status change, history
 * row and outbox row, without the framework, validation, snapshot or ORM. The baseline of the rush.
 */
export function bareSubmitServer(pool: Pool) {
  const bare = Fastify({ logger: false });
  bare.post('/submit/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const app = await client.query(`SELECT competition_id, created_by FROM applications WHERE id = $1`, [id]);
      const comp = await client.query(
        `SELECT year, short_code, clock_timestamp() < submission_deadline AS open FROM competitions WHERE id = $1 FOR SHARE`,
        [app.rows[0].competition_id],
      );
      await client.query(`SELECT id FROM applications WHERE id = $1 FOR UPDATE`, [id]);
      if (!comp.rows[0].open) {
        await client.query('ROLLBACK');
        return reply.status(422).send({ code: 'DEADLINE_PASSED' });
      }
      const seq = await client.query(
        `INSERT INTO competition_sequences (competition_id, last_sequence) VALUES ($1, 1)
         ON CONFLICT (competition_id) DO UPDATE SET last_sequence = competition_sequences.last_sequence + 1 RETURNING last_sequence`,
        [app.rows[0].competition_id],
      );
      const n = seq.rows[0].last_sequence as number;
      const number = `${comp.rows[0].year}-${comp.rows[0].short_code}-${String(n).padStart(4, '0')}`;
      await client.query(
        `UPDATE applications SET status = 'submitted', registration_number = $2, sequence = $3, submitted_at = clock_timestamp()
         WHERE id = $1 AND status = 'draft'`,
        [id, number, n],
      );
      await client.query(
        `INSERT INTO application_events (application_id, from_status, to_status, actor_id, actor_role) VALUES ($1, 'draft', 'submitted', $2, 'applicant')`,
        [id, app.rows[0].created_by],
      );
      await client.query(
        // Written as the api writes its mail, but marked sent: no worker is to pick these up mid-bench.
        `INSERT INTO notifications (user_id, email, template, payload, dedupe_key, status) VALUES ($1, 'x@bench.local', 'application.submitted', '{}', $2, 'sent')`,
        [app.rows[0].created_by, `bare:${id}`],
      );
      await client.query('COMMIT');
      return { id, registrationNumber: number };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  return bare;
}

async function cannon(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 64, duration: 8, headers });
  return { rps: round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function readPath(baseUrl: string): Promise<BenchResult[]> {
  const name = uniqueName('grants_bench');
  const url = databaseUrl(baseUrl, name);
  await migrateDatabase(url);
  const pool = new Pool({ connectionString: url, max: 20 });
  pool.on('error', () => undefined);
  const port = await freePort();
  const api = await startApp(
    'apps/api/src/main.js',
    { DATABASE_URL: url, PORT: String(port), JWT_SECRET, QUEUE_PREFIX: name },
    `http://127.0.0.1:${port}/api/v1/health`,
  );
  const bare = Fastify({ logger: false });
  try {
    const seeded = await seed(pool, 3_600_000);
    // The bare baseline answers the same questions with the same SQL shape, no framework.
    bare.get('/applications', async (req) => {
      const { competitionId } = req.query as { competitionId: string };
      const [items, total] = await Promise.all([
        pool.query(
          `SELECT * FROM applications WHERE competition_id = $1 ORDER BY created_at DESC, id LIMIT 20 OFFSET 0`,
          [competitionId],
        ),
        pool.query(`SELECT count(*)::int AS n FROM applications WHERE competition_id = $1`, [competitionId]),
      ]);
      return { items: items.rows, total: total.rows[0].n, page: 1, pageSize: 20 };
    });
    bare.get('/competitions/:id', async (req) => {
      const { rows } = await pool.query(`SELECT * FROM competitions WHERE id = $1`, [
        (req.params as { id: string }).id,
      ]);
      return rows[0];
    });
    const barePort = await freePort();
    await bare.listen({ port: barePort, host: '127.0.0.1' });

    const auth = { authorization: `Bearer ${seeded.adminToken}` };
    const apiList = await cannon(
      `http://127.0.0.1:${port}/api/v1/applications?competitionId=${seeded.competitionId}&page=1&pageSize=20`,
      auth,
    );
    const bareList = await cannon(`http://127.0.0.1:${barePort}/applications?competitionId=${seeded.competitionId}`);
    const apiGet = await cannon(`http://127.0.0.1:${port}/api/v1/competitions/${seeded.competitionId}`);
    const bareGet = await cannon(`http://127.0.0.1:${barePort}/competitions/${seeded.competitionId}`);
    return [
      {
        name: 'GET /applications?competitionId= (page of 20), 64 conn',
        value: apiList.rps,
        unit: 'req/s',
        baseline: bareList.rps,
        baselineName: 'bare Fastify + pg',
        note: `errors ${apiList.errors}`,
      },
      {
        name: 'GET /applications p99',
        value: apiList.p99,
        unit: 'ms',
        baseline: bareList.p99,
        baselineName: 'bare Fastify + pg',
      },
      {
        name: 'GET /competitions/:id, 64 conn',
        value: apiGet.rps,
        unit: 'req/s',
        baseline: bareGet.rps,
        baselineName: 'bare Fastify + pg',
        note: `errors ${apiGet.errors}`,
      },
      {
        name: 'GET /competitions/:id p99',
        value: apiGet.p99,
        unit: 'ms',
        baseline: bareGet.p99,
        baselineName: 'bare Fastify + pg',
      },
    ];
  } finally {
    await bare.close();
    await stopApp(api);
    await pool.end();
    await dropDatabase(url);
  }
}

export async function benchHttp(): Promise<BenchResult[]> {
  const { DATABASE_URL } = AppConfig.fromEnvironment().values;
  return readPath(DATABASE_URL);
}

if (require.main === module) {
  benchHttp()
    .then((rows) => console.table(rows))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
