import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@grants/database';
import {
  DEFAULT_CRITERIA,
  OutboxService,
  OutboxWaker,
  STATISTICS_SQL,
  STATISTICS_WORK_MEM,
  StatisticsRepository,
  StatisticsService,
} from '@grants/domain';
import { BenchResult, databaseUrl, round, uniqueName } from './bench-support';

const YEAR = 2026;
const APPLICATIONS = 100_000;
const REVIEWS_PER_APPLICATION = 3; // 300,000 reviews
const PREVIOUS_YEAR_APPLICATIONS = 30_000;
const ORGANIZATIONS = 20_000;
const COMPETITIONS = 20;
const EXPERTS = 60;
const RUNS = 5;

/** A generated year, all in SQL: generate_series INSERT … SELECT, deterministic through setseed. */
export async function generateStatisticsYear(ds: DataSource) {
  await ds.query(`SELECT setseed(0.42)`);
  await ds.query(
    `INSERT INTO organizations (full_name, inn)
     SELECT 'Организация ' || g, lpad(g::text, 10, '0') FROM generate_series(1, $1) g`,
    [ORGANIZATIONS],
  );
  const [applicant] = await ds.query(
    `INSERT INTO users (email, password_hash, full_name, role, organization_id)
     SELECT 'bench@ngo.test', 'x', 'Заявитель', 'applicant', id FROM organizations LIMIT 1 RETURNING id`,
  );
  await ds.query(
    `INSERT INTO users (email, password_hash, full_name, role)
     SELECT 'admin' || g || '@rc.test', 'x', 'Администратор', 'admin' FROM generate_series(1, 2) g
     UNION ALL SELECT 'expert' || g || '@rc.test', 'x', 'Эксперт', 'expert' FROM generate_series(1, $1) g`,
    [EXPERTS],
  );
  await ds.query(
    `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, directions, criteria,
       submission_opens_at, submission_deadline, review_deadline, status, announced_at)
     SELECT 'B' || y || '-' || g, 'Конкурс ' || g, y, 50000000, 500000,
       '[{"code":"social","title":"Социальное обслуживание"},{"code":"culture","title":"Культура и искусство"},{"code":"youth","title":"Молодёжь"}]'::jsonb,
       $1::jsonb, make_timestamptz(y, 2, 1, 0, 0, 0, 'UTC'), make_timestamptz(y, 4, 1, 0, 0, 0, 'UTC'),
       make_timestamptz(y, 5, 1, 0, 0, 0, 'UTC'),
       CASE WHEN g % 5 = 0 THEN 'review' ELSE 'results_announced' END, make_timestamptz(y, 6, 1, 0, 0, 0, 'UTC')
     FROM generate_series(1, $2) g, (VALUES ($3::int), ($3::int - 1)) AS years(y)`,
    [JSON.stringify(DEFAULT_CRITERIA), COMPETITIONS, YEAR],
  );
  // Status mix close to a real year: most submitted, a fifth of those awarded.
  const insertApplications = (year: number, count: number) =>
    ds.query(
      `WITH comp AS (SELECT id, status, row_number() OVER (ORDER BY short_code) - 1 AS n FROM competitions WHERE year = $1),
       gen AS (SELECT g, random() AS r, (g * 7919) % $3 AS org FROM generate_series(1, $2) g)
       INSERT INTO applications (competition_id, organization_id, created_by, title, direction, requested_amount,
         co_financing_amount, status, submitted_at, consultant_assisted, score, awarded_amount, registration_number, sequence,
         project_start, project_end, geography)
       SELECT c.id, o.id, $4, 'Проект ' || gen.g, (ARRAY['social','culture','youth'])[1 + gen.g % 3],
         round((100000 + gen.r * 400000)::numeric, 2), round((20000 + gen.r * 80000)::numeric, 2), s.status,
         CASE WHEN s.status NOT IN ('draft','not_submitted') THEN make_timestamptz($1, 3, 1, 0, 0, 0, 'UTC') + gen.g * interval '1 second' END,
         gen.g % 3 = 0,
         CASE WHEN s.status IN ('reviewed','awarded','not_awarded') THEN round((40 + gen.r * 60)::numeric, 2) END,
         CASE WHEN s.status = 'awarded' THEN round((100000 + gen.r * 300000)::numeric, 2) END,
         CASE WHEN s.status NOT IN ('draft','not_submitted') THEN $1 || '-B-' || gen.g END,
         CASE WHEN s.status NOT IN ('draft','not_submitted') THEN gen.g END,
         make_date($1, 8, 1), make_date($1, 12, 31), 'г. Лесосибирск'
       FROM gen
       JOIN comp c ON c.n = gen.g % ${COMPETITIONS}
       JOIN LATERAL (SELECT CASE
         WHEN c.status = 'review' THEN (ARRAY['under_review','reviewed','not_submitted','withdrawn'])[1 + gen.g % 4]
         WHEN gen.r < 0.05 THEN 'not_submitted' WHEN gen.r < 0.08 THEN 'withdrawn' WHEN gen.r < 0.11 THEN 'ineligible'
         WHEN gen.r < 0.31 THEN 'awarded' ELSE 'not_awarded' END AS status) s ON true
       JOIN organizations o ON o.inn = lpad((1 + gen.org)::text, 10, '0')`,
      [year, count, ORGANIZATIONS, applicant.id],
    );
  await insertApplications(YEAR, APPLICATIONS);
  await insertApplications(YEAR - 1, PREVIOUS_YEAR_APPLICATIONS);
  await ds.query(
    `WITH experts AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE role = 'expert'),
     app AS (SELECT a.id, a.competition_id, row_number() OVER (ORDER BY a.id) AS n
             FROM applications a JOIN competitions c ON c.id = a.competition_id WHERE c.year = $1
             ORDER BY a.id LIMIT $2)
     INSERT INTO reviews (application_id, competition_id, expert_id, status, total, is_extra, due_at, assigned_at, submitted_at)
     SELECT app.id, app.competition_id, e.id, 'submitted', round((30 + random() * 70)::numeric, 2), k = 3,
       make_timestamptz($1, 5, 1, 0, 0, 0, 'UTC'), make_timestamptz($1, 4, 2, 0, 0, 0, 'UTC'),
       make_timestamptz($1, 4, 2, 0, 0, 0, 'UTC') + random() * interval '20 days'
     FROM app CROSS JOIN generate_series(1, $3) k JOIN experts e ON e.n = (app.n * 7 + k) % ${EXPERTS}`,
    [YEAR, APPLICATIONS, REVIEWS_PER_APPLICATION],
  );
  await ds.query(
    `INSERT INTO consultations (application_id, organization_id, requested_by, question, status, requested_at, completed_at)
     SELECT a.id, a.organization_id, a.created_by, 'Вопрос', 'completed', a.created_at, a.created_at + random() * interval '72 hours'
     FROM applications a WHERE a.consultant_assisted`,
  );
  await ds.query('ANALYZE');
  const [counts] = await ds.query(
    `SELECT (SELECT count(*) FROM applications a JOIN competitions c ON c.id = a.competition_id WHERE c.year = $1)::int AS applications,
            (SELECT count(*) FROM reviews r JOIN competitions c ON c.id = r.competition_id WHERE c.year = $1)::int AS reviews`,
    [YEAR],
  );
  return counts as { applications: number; reviews: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Compile time of a generated year of 100,000 applications and 300,000 reviews, next to the time
 * of the same SQL run bare (no transaction, no snapshot insert, no outbox): the gap is our overhead.
 */
export async function benchStatistics(): Promise<BenchResult[]> {
  const base = AppConfig.fromEnvironment();
  const url = databaseUrl(base.values.DATABASE_URL, uniqueName('grants_bench_stats'));
  await migrateDatabase(url);
  const ds = new DataSource(dataSourceOptions(url, { extra: { max: 4 } }));
  await ds.initialize();
  try {
    const generateMs = await timed(async () => {
      const counts = await generateStatisticsYear(ds);
      if (counts.applications !== APPLICATIONS || counts.reviews !== APPLICATIONS * REVIEWS_PER_APPLICATION) {
        throw new Error(`Generated ${JSON.stringify(counts)}`);
      }
    });
    const config = AppConfig.fromEnvironment({ DATABASE_URL: url });
    const service = new StatisticsService(
      ds,
      new StatisticsRepository(),
      new OutboxService(new OutboxWaker(ds)),
      config,
    );
    const bare = async () => {
      const runner = ds.createQueryRunner();
      try {
        // Same memory as the compile's SET LOCAL, so the comparison is about our overhead only.
        await runner.query(`SET work_mem = '${STATISTICS_WORK_MEM}'`);
        await runner.query(STATISTICS_SQL.headline, [YEAR]);
        await runner.query(STATISTICS_SQL.headline, [YEAR - 1]);
        for (const sql of [
          STATISTICS_SQL.byDirection,
          STATISTICS_SQL.byCompetition,
          STATISTICS_SQL.reviews,
          STATISTICS_SQL.consultations,
        ]) {
          await runner.query(sql, [YEAR]);
        }
      } finally {
        await runner.query('RESET work_mem');
        await runner.release();
      }
    };
    // One warm-up each, so both sides run with warm caches and plans.
    await bare();
    await service.compile(YEAR, 'bench-warmup');
    const bareRuns: number[] = [];
    const compileRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareRuns.push(await timed(bare));
      compileRuns.push(await timed(() => service.compile(YEAR, `bench-${i}`)));
    }
    const compileMs = median(compileRuns);
    return [
      {
        name: 'statistics compile, 100k applications + 300k reviews (median of 5)',
        value: round(compileMs),
        unit: 'ms',
        baseline: round(median(bareRuns)),
        baselineName: 'bare SQL of the same figures',
        note: `target < 3000 ms: ${compileMs < 3000 ? 'met' : 'MISSED'}; data generated in ${round(generateMs / 1000)} s`,
      },
    ];
  } finally {
    await ds.destroy();
    await dropDatabase(url);
  }
}

if (require.main === module) {
  benchStatistics()
    .then((rows) => console.table(rows))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
