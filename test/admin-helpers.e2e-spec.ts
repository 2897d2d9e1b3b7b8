import { DataSource } from 'typeorm';
import { StatisticsService } from '@grants/domain';
import {
  createReviewRound,
  createStaff,
  createTestContext,
  loginAdmin,
  markConsultantAssisted,
  ReviewRound,
  Session,
  TestContext,
} from '@grants/testing';

/**
 * The helpers of the administrator's workspace (API.md "Helpers for the portal"): a competition's
 * summary, its applications as CSV, and publishing the annual report to the public.
 */

const DAY = 86_400_000;

/** CSV cells of a file body (BOM and header row dropped), quotes undone. */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      line
        .match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!
        .filter((c, i, all) => i < all.length - 1 || c !== '')
        .map((c) => c.replace(/,$/, ''))
        .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c)),
    );
}

describe('Admin helpers: summary, applications CSV, published annual reports', () => {
  let ctx: TestContext;
  let db: DataSource;
  let admin: Session;
  let consultant: Session;
  let experts: Session[];
  let round: ReviewRound;

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    consultant = await createStaff(ctx.http, admin, 'consultant');
    experts = [await createStaff(ctx.http, admin, 'expert'), await createStaff(ctx.http, admin, 'expert')];
    round = await createReviewRound(ctx, { requestedAmounts: ['100000.00', '150000.00', '90000.00'] });
  });
  afterAll(() => ctx?.close());

  const review = (applicationId: string, expertId: string, status: string, total: number | null, dueAt: Date) =>
    db.query(
      `INSERT INTO reviews (application_id, competition_id, expert_id, status, total, due_at, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4::varchar = 'submitted' THEN now() END)`,
      [applicationId, round.competitionId, expertId, status, total, dueAt],
    );

  it('sums up what needs attention in one competition', async () => {
    const [a, b, c] = round.applications;
    // a: two submitted reviews 95 and 20 apart more than the 30 % threshold → divergent, extra expert needed.
    await review(a.id, experts[0].user.id, 'submitted', 95, new Date(Date.now() + DAY));
    await review(a.id, experts[1].user.id, 'submitted', 20, new Date(Date.now() + DAY));
    // b: one review overdue, one in progress on time.
    await review(b.id, experts[0].user.id, 'assigned', null, new Date(Date.now() - DAY));
    await review(b.id, experts[1].user.id, 'in_progress', null, new Date(Date.now() + DAY));
    await review(c.id, experts[0].user.id, 'declined', null, new Date(Date.now() + DAY));
    await db.query(`UPDATE applications SET status = 'ineligible', ineligible_reason = 'Не СО НКО' WHERE id = $1`, [
      c.id,
    ]);
    // Consultations: one waiting since two days, one waiting since one day, one completed.
    for (const days of [2, 1]) {
      await db.query(
        `INSERT INTO consultations (application_id, organization_id, requested_by, question, requested_at)
         VALUES ($1, $2, $3, 'Вопрос', now() - $4 * interval '1 day')`,
        [b.id, b.organizationId, b.applicant.user.id, days],
      );
    }
    await markConsultantAssisted(ctx, a, consultant.user.id);
    // Two failed mails about this competition, one about another.
    for (const competitionId of [round.competitionId, round.competitionId, '00000000-0000-4000-8000-000000000000']) {
      await db.query(
        `INSERT INTO notifications (email, template, payload, dedupe_key, status, last_error)
         VALUES ('x@example.org', 'competition.published', $1, gen_random_uuid()::text, 'failed', '550 mailbox unavailable')`,
        [JSON.stringify({ competitionId })],
      );
    }

    const res = await ctx.http.as(admin).get(`/competitions/${round.competitionId}/summary`);
    expect(res.status).toBe(200);
    expect(res.body.applications).toEqual({
      draft: 0,
      submitted: 0,
      under_review: 2,
      reviewed: 0,
      awarded: 0,
      not_awarded: 0,
      withdrawn: 0,
      not_submitted: 0,
      ineligible: 1,
    });
    expect(res.body.consultations).toMatchObject({ requested: 2, inProgress: 0, completed: 1 });
    const oldest = new Date(res.body.consultations.oldestWaitingSince).getTime();
    expect(Math.abs(oldest - (Date.now() - 2 * DAY))).toBeLessThan(60_000);
    expect(res.body.reviews).toEqual({ assigned: 1, inProgress: 1, submitted: 2, declined: 1, overdue: 1 });
    expect(res.body.divergent).toBe(1);
    expect(res.body.failedNotifications).toBe(2);
  });

  it('answers 404 for an unknown competition and 403 for non-admins', async () => {
    const unknown = await ctx.http.as(admin).get(`/competitions/00000000-0000-4000-8000-000000000000/summary`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const consultantCall = await ctx.http.as(consultant).get(`/competitions/${round.competitionId}/summary`);
    expect(consultantCall.status).toBe(403);
    const csv = await ctx.http.as(experts[0]).get(`/competitions/${round.competitionId}/applications/export.csv`);
    expect(csv.status).toBe(403);
  });

  it('exports the applications through the one CSV writer: BOM, every application, formulas neutralised', async () => {
    const formula = '=HYPERLINK("http://evil.example","Подробнее")';
    const [a] = round.applications;
    await db.query(`UPDATE organizations SET full_name = $1 WHERE id = $2`, [formula, a.organizationId]);
    await db.query(`UPDATE applications SET score = 57.5 WHERE id = $1`, [a.id]);
    const res = await ctx.http.as(admin).get(`/competitions/${round.competitionId}/applications/export.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="applications-[A-Z0-9]+\.csv"$/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(res.text);
    expect(header).toEqual([
      'registration_number',
      'title',
      'status',
      'organization',
      'inn',
      'direction',
      'requested_amount',
      'co_financing_amount',
      'awarded_amount',
      'consultant_assisted',
      'score',
      'decision',
      'ineligible_reason',
      'submitted_at',
    ]);
    expect(rows.map((r) => r[0])).toEqual(round.applications.map((x) => x.registrationNumber));
    const first = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(first).toMatchObject({
      organization: `'${formula}`,
      requested_amount: '100000.00',
      consultant_assisted: 'yes',
      score: '57.5',
      status: 'under_review',
    });
    const [{ inn }] = await db.query(`SELECT inn FROM organizations WHERE id = $1`, [a.organizationId]);
    expect(first.inn).toBe(inn);
    const third = Object.fromEntries(header.map((h, i) => [h, rows[2][i]]));
    expect(third).toMatchObject({ status: 'ineligible', decision: 'ineligible', ineligible_reason: 'Не СО НКО' });
    expect(rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('publishes the newest snapshot of a year; a later publish replaces it; the public sees only published years', async () => {
    const year = round.year;
    const before = await ctx.http.as(admin).post(`/statistics/${year}/publish`);
    expect(before.status).toBe(404);
    expect((await ctx.http.anonymous().get(`/public/reports/${year}`)).status).toBe(404);

    // An awarded, consultant-assisted application, so the sentence has a number in it.
    const [a] = round.applications;
    await db.query(`UPDATE applications SET status = 'awarded', awarded_amount = 100000 WHERE id = $1`, [a.id]);
    await db.query(`UPDATE competitions SET status = 'results_announced', announced_at = now() WHERE id = $1`, [
      round.competitionId,
    ]);
    const statistics = ctx.api.get(StatisticsService);
    const first = await statistics.compile(year, null);
    const published = await ctx.http.as(admin).post(`/statistics/${year}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ year, compiledAt: first.compiledAt });
    expect(published.body.headline).toBe(
      `В ${year} году грантовую поддержку получил 1 проект, подготовленный с участием специалистов Ресурсного центра.`,
    );

    const years = await ctx.http.anonymous().get('/public/reports');
    expect(years.status).toBe(200);
    expect(years.body.items).toEqual([{ year, publishedAt: published.body.publishedAt }]);
    const report = await ctx.http.anonymous().get(`/public/reports/${year}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ year, compiledAt: first.compiledAt, publishedAt: published.body.publishedAt });
    expect(report.body.figures.consultantAssisted.awarded).toBe(1);
    expect(report.body.headlineEn).toMatch(/^In \d{4}, 1 project prepared with the participation/);
    // No personal data: no e-mail, no INN, no person's name.
    const text = JSON.stringify(report.body);
    const [{ inn }] = await db.query(`SELECT inn FROM organizations WHERE id = $1`, [a.organizationId]);
    expect(text).not.toContain(inn);
    expect(text).not.toMatch(/@/);
    expect(text).not.toContain(a.applicant.user.fullName);

    // A newer compile stays private until published again.
    const second = await statistics.compile(year, null);
    expect((await ctx.http.anonymous().get(`/public/reports/${year}`)).body.compiledAt).toBe(first.compiledAt);
    const again = await ctx.http.as(admin).post(`/statistics/${year}/publish`);
    expect(again.status).toBe(200);
    expect((await ctx.http.anonymous().get(`/public/reports/${year}`)).body.compiledAt).toBe(second.compiledAt);
    expect((await ctx.http.anonymous().get('/public/reports')).body.items).toHaveLength(1);

    expect((await ctx.http.as(consultant).post(`/statistics/${year}/publish`)).status).toBe(403);
    expect((await ctx.http.anonymous().get('/public/reports/1999')).status).toBe(400);
    expect((await ctx.http.anonymous().get('/public/reports/2002')).status).toBe(404);

    const audit = await ctx.http.as(admin).get(`/audit?action=statistics.publish`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0]).toMatchObject({ actorId: admin.user.id, target: `statistics:${year}` });
  });

  it('filters the audit log by action, actor and time', async () => {
    const other = await createStaff(ctx.http, admin, 'admin');
    // Just after the newest earlier publish, by the database's clock that stamps audit rows.
    const earlier = await ctx.http.as(admin).get(`/audit?action=statistics.publish`);
    const newest = Math.max(...earlier.body.items.map((e: { at: string }) => Date.parse(e.at)));
    const before = new Date(newest + 1).toISOString();
    await ctx.http.as(other).post(`/statistics/${round.year}/publish`);
    const byActor = await ctx.http.as(admin).get(`/audit?actorId=${other.user.id}`);
    expect(byActor.status).toBe(200);
    expect(byActor.body.items.map((e: { action: string }) => e.action)).toEqual(['statistics.publish']);
    const since = await ctx.http.as(admin).get(`/audit?from=${encodeURIComponent(before)}&action=statistics.publish`);
    expect(since.body.total).toBe(1);
    const until = await ctx.http.as(admin).get(`/audit?to=${encodeURIComponent(before)}&action=statistics.publish`);
    expect(until.body.total).toBe(2);
    const all = await ctx.http.as(admin).get('/audit?pageSize=100');
    expect(all.body.total).toBeGreaterThan(3);

    for (const bad of ['from=yesterday', 'to=2026-13-40T00:00:00Z', 'actorId=not-a-uuid', "action=x'%20OR%201=1"]) {
      const res = await ctx.http.as(admin).get(`/audit?${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
