/**
 * HTTP benchmarks against the built api on this machine's PostgreSQL and Redis:
 *  1. the deadline rush — 2,000 organizations submitting concurrently around the deadline;
 *  2. the read path under 64 connections, next to a bare Fastify + pg server answering the same query.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { Agent, request } from 'node:http';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { AppConfig } from '@grants/config';
import { dropDatabase, migrateDatabase } from '@grants/database';
import { BenchResult, databaseUrl, freePort, percentile, round, startApp, stopApp, uniqueName } from './bench-support';

const ORGS = 2000;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret';

interface Seeded {
  competitionId: string;
  adminToken: string;
  applicants: { token: string; applicationId: string }[];
}

async function seed(pool: Pool, deadlineInMs: number): Promise<Seeded> {
  const admin = await pool.query(
    `INSERT INTO users (email, password_hash, full_name, role) VALUES ('bench-admin@grants.local', 'x', 'Bench', 'admin') RETURNING id`,
  );
  const comp = await pool.query(
    `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, min_co_financing_percent,
       directions, criteria, timezone, submission_opens_at, submission_deadline, review_deadline, status, published_at)
     VALUES ('BENCH', 'Нагрузочный конкурс', 2026, 100000000, 500000, 10,
       '[{"code":"social","title":"Социальная поддержка"}]', '[]', 'Asia/Krasnoyarsk',
       now() - interval '1 day', now() + ($1 || ' milliseconds')::interval, now() + interval '30 days', 'open', now())
     RETURNING id`,
    [String(deadlineInMs)],
  );
  const competitionId = comp.rows[0].id as string;
  // Organizations, applicants and complete drafts, set-based.
  const rows = await pool.query(
    `WITH o AS (
       INSERT INTO organizations (full_name, inn)
       SELECT 'НКО №' || g, lpad(g::text, 10, '0') FROM generate_series(1, $1) g RETURNING id, full_name
     ), u AS (
       INSERT INTO users (email, password_hash, full_name, role, organization_id)
       SELECT 'ngo' || row_number() over () || '@bench.local', 'x', 'Заявитель', 'applicant', o.id FROM o RETURNING id, organization_id
     ), a AS (
       INSERT INTO applications (competition_id, organization_id, created_by, title, summary, direction, requested_amount,
         co_financing_amount, project_start, project_end, goals, expected_results, budget_lines, geography)
       SELECT $2, u.organization_id, u.id, 'Проект', 'Краткое описание', 'social', 300000, 50000,
         current_date + 60, current_date + 240, 'Цели проекта',
         '[{"indicator":"Участники","target":"100"}]', '[{"item":"Оплата труда","amount":"300000.00"}]', 'г. Лесосибирск'
       FROM u RETURNING id, created_by, organization_id
     )
     SELECT id, created_by, organization_id FROM a`,
    [ORGS, competitionId],
  );
  const sign = (sub: string, role: string, org: string | null) => jwt.sign({ sub, role, org }, JWT_SECRET, { expiresIn: '2h' });
  return {
    competitionId,
    adminToken: sign(admin.rows[0].id, 'admin', null),
    applicants: rows.rows.map((r) => ({ token: sign(r.created_by, 'applicant', r.organization_id), applicationId: r.id })),
  };
}

function post(agent: Agent, port: number, path: string, token: string): Promise<{ status: number; body: string; at: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now(), ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

async function deadlineRush(baseUrl: string): Promise<BenchResult[]> {
  const name = uniqueName('grants_bench');
  const url = databaseUrl(baseUrl, name);
  await migrateDatabase(url);
  const pool = new Pool({ connectionString: url, max: 4 });
  const port = await freePort();
  const api = await startApp(
    'apps/api/src/main.js',
    { DATABASE_URL: url, PORT: String(port), JWT_SECRET, QUEUE_PREFIX: name },
    `http://127.0.0.1:${port}/api/v1/health`,
  );
  try {
    // The deadline falls 1.5 s after the rush starts: the tail of the rush arrives after it.
    const seeded = await seed(pool, 60_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const { rows } = await pool.query(
      `UPDATE competitions SET submission_deadline = now() + interval '1500 milliseconds' WHERE id = $1 RETURNING submission_deadline`,
      [seeded.competitionId],
    );
    const deadline = new Date(rows[0].submission_deadline).getTime();
    const started = performance.now();
    const results = await Promise.all(
      seeded.applicants.map((a) => post(agent, port, `/api/v1/applications/${a.applicationId}/submit`, a.token)),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
    const accepted = results.filter((r) => r.status === 200).length;
    const refused = results.filter((r) => r.status === 422 && r.body.includes('DEADLINE_PASSED')).length;
    const errors = results.length - accepted - refused;
    const check = await pool.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE submitted_at >= c.submission_deadline)::int AS late,
              coalesce(max(sequence), 0)::int AS max_seq, count(DISTINCT registration_number)::int AS distinct_numbers
       FROM applications a JOIN competitions c ON c.id = a.competition_id
       WHERE a.competition_id = $1 AND a.status = 'submitted'`,
      [seeded.competitionId],
    );
    const c = check.rows[0];
    const consecutive = c.n === accepted && c.max_seq === c.n && c.distinct_numbers === c.n && c.late === 0;
    const lateAccepted = results.filter((r) => r.status === 200 && r.at - deadline > 1000).length; // client saw it well after
    console.log(
      `deadline rush: ${accepted} accepted, ${refused} refused after the deadline, ${errors} other; ` +
        `numbers consecutive and all before the deadline: ${consecutive ? 'yes' : 'NO'}; accepted >1 s after the deadline: ${lateAccepted}`,
    );
    return [
      { name: 'deadline rush: submits/s (2,000 concurrent)', value: round(results.length / seconds), unit: 'req/s' },
      { name: 'deadline rush: p50 latency', value: round(percentile(latencies, 50)), unit: 'ms' },
      { name: 'deadline rush: p95 latency', value: round(percentile(latencies, 95)), unit: 'ms' },
      { name: 'deadline rush: p99 latency', value: round(percentile(latencies, 99)), unit: 'ms' },
      { name: 'deadline rush: accepted before deadline', value: accepted, unit: 'submits' },
      { name: 'deadline rush: refused after deadline', value: refused, unit: 'submits' },
      { name: 'deadline rush: errors (neither)', value: errors, unit: 'submits' },
      { name: 'deadline rush: numbers consecutive, none late', value: consecutive ? 1 : 0, unit: 'bool' },
    ];
  } finally {
    await stopApp(api);
    await pool.end();
    await dropDatabase(url);
  }
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
      const { rows } = await pool.query(`SELECT * FROM competitions WHERE id = $1`, [(req.params as { id: string }).id]);
      return rows[0];
    });
    const barePort = await freePort();
    await bare.listen({ port: barePort, host: '127.0.0.1' });

    const auth = { authorization: `Bearer ${seeded.adminToken}` };
    const apiList = await cannon(`http://127.0.0.1:${port}/api/v1/applications?competitionId=${seeded.competitionId}&page=1&pageSize=20`, auth);
    const bareList = await cannon(`http://127.0.0.1:${barePort}/applications?competitionId=${seeded.competitionId}`);
    const apiGet = await cannon(`http://127.0.0.1:${port}/api/v1/competitions/${seeded.competitionId}`);
    const bareGet = await cannon(`http://127.0.0.1:${barePort}/competitions/${seeded.competitionId}`);
    return [
      { name: 'GET /applications?competitionId= (page of 20), 64 conn', value: apiList.rps, unit: 'req/s', baseline: bareList.rps, baselineName: 'bare Fastify + pg', note: `errors ${apiList.errors}` },
      { name: 'GET /applications p99', value: apiList.p99, unit: 'ms', baseline: bareList.p99, baselineName: 'bare Fastify + pg' },
      { name: 'GET /competitions/:id, 64 conn', value: apiGet.rps, unit: 'req/s', baseline: bareGet.rps, baselineName: 'bare Fastify + pg', note: `errors ${apiGet.errors}` },
      { name: 'GET /competitions/:id p99', value: apiGet.p99, unit: 'ms', baseline: bareGet.p99, baselineName: 'bare Fastify + pg' },
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
  return [...(await deadlineRush(DATABASE_URL)), ...(await readPath(DATABASE_URL))];
}

if (require.main === module) {
  benchHttp()
    .then((rows) => console.table(rows))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

