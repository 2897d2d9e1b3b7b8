import { DataSource } from 'typeorm';
import { innFrom } from '@grants/domain';
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

/** Three criteria, maximum total 2×10 + 1.5×10 + 0.5×10 = 40; a 30% threshold is a spread of 12 points. */
const CRITERIA = [
  { code: 'relevance', title: 'Актуальность', weight: 2, maxScore: 10 },
  { code: 'budget', title: 'Обоснованность бюджета', weight: 1.5, maxScore: 10 },
  { code: 'openness', title: 'Открытость', weight: 0.5, maxScore: 10 },
];
const scores = (relevance: number, budget: number, openness: number) => ({ relevance, budget, openness });

describe('Expert review: assignment, scoring, conflicts, divergence', () => {
  let ctx: TestContext;
  let admin: Session;
  let experts: Session[]; // sorted by id: the automatic assignment breaks load ties by id
  let round: ReviewRound;
  let reviewsByApp: Map<string, Array<{ id: string; expertId: string; status: string }>>;

  const as = (s: Session) => ctx.http.as(s);
  const expertById = (id: string) => experts.find((e) => e.user.id === id)!;
  const reviewsOf = async (applicationId: string) =>
    (await as(admin).get(`/applications/${applicationId}/reviews`)).body.items as Array<{
      expertId: string;
      status: string;
      total: number | null;
    }>;
  const reviewIdsOf = async (applicationId: string) => {
    const rows: Array<{ id: string; expert_id: string; status: string; is_extra: boolean }> = await ctx.api
      .get(DataSource)
      .query(`SELECT id, expert_id, status, is_extra FROM reviews WHERE application_id = $1 ORDER BY assigned_at, id`, [
        applicationId,
      ]);
    return rows;
  };
  const scoreAndSubmit = async (reviewId: string, expert: Session, s: Record<string, number>) => {
    const put = await as(expert).put(`/reviews/${reviewId}`, { scores: s, comment: 'Проект проработан' });
    expect(put.status).toBe(200);
    const submitted = await as(expert).post(`/reviews/${reviewId}/submit`);
    expect(submitted.status).toBe(200);
    return submitted.body;
  };
  const applicationStatus = async (id: string) =>
    (await ctx.api.get(DataSource).query(`SELECT status, score FROM applications WHERE id = $1`, [id]))[0] as {
      status: string;
      score: string | null;
    };

  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    experts = [];
    for (let i = 0; i < 3; i++)
      experts.push(await createStaff(ctx.http, admin, 'expert', { fullName: `Эксперт Тестовый ${i + 1}` }));
    experts.sort((a, b) => (a.user.id < b.user.id ? -1 : 1));
    round = await createReviewRound(ctx, {
      requestedAmounts: ['100000.00', '150000.00', '200000.00', '250000.00'],
      criteria: CRITERIA,
      expertsPerApplication: 2,
      divergenceThreshold: 30,
    });
  });
  afterAll(() => ctx.close());

  it('lets an expert declare conflicts of interest and list its own', async () => {
    const [e1, e2] = experts;
    const res = await as(e1).post('/reviews/conflicts', {
      organizationId: round.applications[0].organizationId,
      reason: 'Член правления',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ organizationId: round.applications[0].organizationId, reason: 'Член правления' });
    expect(
      (
        await as(e1).post('/reviews/conflicts', {
          organizationId: round.applications[0].organizationId,
          reason: 'снова',
        })
      ).status,
    ).toBe(409);
    const bad = await as(e1).post('/reviews/conflicts', { organizationId: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/organizationId/);
    expect(bad.body.message.join(' ')).toMatch(/reason/);
    expect((await as(e1).get('/reviews/conflicts')).body.items).toHaveLength(1);
    expect((await as(e2).get('/reviews/conflicts')).body.items).toHaveLength(0);
  });

  it('lets an expert declare a conflict ahead of time by the organization’s INN', async () => {
    const [, e2] = experts;
    const db = ctx.api.get(DataSource);
    const [org] = await db.query(`SELECT id, inn, full_name, short_name FROM organizations WHERE id = $1`, [
      round.applications[0].organizationId,
    ]);
    const res = await as(e2).post('/reviews/conflicts', { inn: org.inn, reason: 'Работал в организации' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organizationId: org.id,
      inn: org.inn,
      organizationName: org.short_name ?? org.full_name,
      reason: 'Работал в организации',
      declinedReviewIds: [],
    });
    const listed = (await as(e2).get('/reviews/conflicts')).body.items;
    expect(listed).toEqual([expect.objectContaining({ organizationId: org.id, inn: org.inn })]);
    // the same organization by INN again is the same conflict
    expect((await as(e2).post('/reviews/conflicts', { inn: org.inn, reason: 'снова' })).status).toBe(409);

    const unknown = await as(e2).post('/reviews/conflicts', { inn: innFrom('000000017'), reason: 'Родственник' });
    expect(unknown.status).toBe(404);
    const checksum = await as(e2).post('/reviews/conflicts', { inn: '1234567890', reason: 'Родственник' });
    expect(checksum.status).toBe(400);
    expect(checksum.body.message.join(' ')).toMatch(/^inn /);
    const both = await as(e2).post('/reviews/conflicts', {
      inn: org.inn,
      organizationId: org.id,
      reason: 'Родственник',
    });
    expect(both.status).toBe(400);
    expect(both.body.message.join(' ')).toMatch(/inn must not be given together with organizationId/);
    const neither = await as(e2).post('/reviews/conflicts', { reason: 'Родственник' });
    expect(neither.status).toBe(400);
    expect(neither.body.message.join(' ')).toMatch(/organizationId/);
    const number = await as(e2).post('/reviews/conflicts', { inn: Number(org.inn), reason: 'Родственник' });
    expect(number.status).toBe(400);
    expect((await as(e2).get('/reviews/conflicts')).body.total).toBe(1);
    await db.query(`DELETE FROM expert_conflicts WHERE expert_id = $1`, [e2.user.id]);
    expect(
      (
        await as(admin).post('/reviews/conflicts', {
          organizationId: round.applications[0].organizationId,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('assigns automatically: two experts per application, least-loaded first, ties by id, never a conflicted expert', async () => {
    const [e1, e2, e3] = experts.map((e) => e.user.id);
    const res = await as(admin).post(`/competitions/${round.competitionId}/assignments`, { auto: true });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 8, unfilled: 0 });

    reviewsByApp = new Map();
    for (const app of round.applications)
      reviewsByApp.set(
        app.id,
        (await reviewIdsOf(app.id)).map((r) => ({ id: r.id, expertId: r.expert_id, status: r.status })),
      );
    // e1 is conflicted with the first organization, so it goes to e2 and e3; then least-loaded, ties by id.
    const assigned = round.applications.map((a) =>
      reviewsByApp
        .get(a.id)!
        .map((r) => r.expertId)
        .sort(),
    );
    expect(assigned).toEqual([[e2, e3].sort(), [e1, e2].sort(), [e1, e3].sort(), [e1, e2].sort()]);

    const load = await as(admin).get(`/competitions/${round.competitionId}/experts`);
    expect(load.status).toBe(200);
    const assignedCounts = load.body.items.map((i: { assigned: number }) => i.assigned).sort();
    expect(assignedCounts).toEqual([2, 3, 3]);

    // Nothing left to fill: a second run is a no-op.
    expect((await as(admin).post(`/competitions/${round.competitionId}/assignments`, { auto: true })).body).toEqual({
      created: 0,
      unfilled: 0,
    });
    // review.assigned mails are in the outbox
    const [{ count }] = await ctx.api
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM notifications WHERE template = 'review.assigned'`);
    expect(count).toBe(8);
  });

  it('never assigns a slot twice when two automatic runs race', async () => {
    const other = await createReviewRound(ctx, { requestedAmounts: ['50000.00', '60000.00'], criteria: CRITERIA });
    const run = () => as(admin).post(`/competitions/${other.competitionId}/assignments`, { auto: true });
    const results = await Promise.all([run(), run()]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results.map((r) => r.body.created).sort()).toEqual([0, 4]);
    for (const app of other.applications)
      expect(new Set((await reviewIdsOf(app.id)).map((r) => r.expert_id)).size).toBe(2);
  });

  it('refuses manual assignments of a conflicted expert, the same expert twice, or bad input', async () => {
    const first = round.applications[0];
    const path = `/competitions/${round.competitionId}/assignments`;
    const conflicted = await as(admin).post(path, { applicationId: first.id, expertId: experts[0].user.id });
    expect(conflicted.status).toBe(422);
    expect(conflicted.body.code).toBe('CONFLICT_OF_INTEREST');
    const twice = await as(admin).post(path, {
      applicationId: first.id,
      expertId: reviewsByApp.get(first.id)![0].expertId,
    });
    expect(twice.status).toBe(409);
    const missing = await as(admin).post(path, { applicationId: first.id });
    expect(missing.status).toBe(400);
    expect(missing.body.message.join(' ')).toMatch(/expertId/);
    expect((await as(admin).post(path, { auto: true, applicationId: first.id })).status).toBe(400);
    expect((await as(admin).post(path, { auto: false })).status).toBe(400);
    expect((await as(experts[0]).post(path, { auto: true })).status).toBe(403);
  });

  it('validates scores against the criteria and keeps reviews private to their expert', async () => {
    const app = round.applications[1];
    const [review] = reviewsByApp.get(app.id)!;
    const owner = expertById(review.expertId);
    const other = experts.find((e) => e.user.id !== review.expertId)!;

    const unknown = await as(owner).put(`/reviews/${review.id}`, { scores: { relevance: 5, nonsense: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message.join(' ')).toContain('scores.nonsense');
    const outOfRange = await as(owner).put(`/reviews/${review.id}`, {
      scores: { relevance: 11, budget: 2.5, openness: -1 },
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.message).toEqual(
      expect.arrayContaining([
        expect.stringContaining('scores.relevance'),
        expect.stringContaining('scores.budget'),
        expect.stringContaining('scores.openness'),
      ]),
    );
    expect((await as(owner).put(`/reviews/${review.id}`, { scores: 'ten' })).status).toBe(400);
    expect((await as(owner).put(`/reviews/${review.id}`, { scores: {}, extra: 1 })).status).toBe(400);

    const draft = await as(owner).put(`/reviews/${review.id}`, { scores: { relevance: 7, budget: 5 } });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'in_progress', total: 21.5 });
    const incomplete = await as(owner).post(`/reviews/${review.id}/submit`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('INCOMPLETE');
    expect(incomplete.body.message).toContain('openness');

    expect((await as(other).get(`/reviews/${review.id}`)).status).toBe(404);
    expect((await as(other).put(`/reviews/${review.id}`, { scores: scores(1, 1, 1) })).status).toBe(404);
    expect((await as(owner).get(`/reviews/${review.id}`)).body).toMatchObject({
      id: review.id,
      scores: { relevance: 7, budget: 5 },
    });
    const own = (await as(owner).get(`/reviews?competitionId=${round.competitionId}`)).body.items as Array<{
      id: string;
      applicationId: string;
      title: string;
    }>;
    const allMine = [...reviewsByApp.values()]
      .flat()
      .filter((r) => r.expertId === owner.user.id)
      .map((r) => r.id);
    expect(own.map((r) => r.id).sort()).toEqual(allMine.sort());
    const titles = await ctx.api
      .get(DataSource)
      .query(`SELECT id, title FROM applications WHERE competition_id = $1`, [round.competitionId]);
    const titleOf = new Map(titles.map((a: { id: string; title: string }) => [a.id, a.title]));
    for (const r of own) expect(r.title).toBe(titleOf.get(r.applicationId));
    expect((await as(admin).get(`/reviews?competitionId=${round.competitionId}`)).body.total).toBe(8);
    expect((await as(round.applications[1].applicant).get('/reviews')).status).toBe(403);
    // The applicant sees no reviews before the announcement, and another expert's review stays invisible.
    expect((await as(app.applicant).get(`/applications/${app.id}/reviews`)).status).toBe(404);
  });

  it('turns a declined review into a conflict and fills the gap with a replacement', async () => {
    const app = round.applications[1];
    const declined = reviewsByApp.get(app.id)![1];
    const decliner = expertById(declined.expertId);
    expect((await as(decliner).post(`/reviews/${declined.id}/decline`, {})).status).toBe(400);
    const res = await as(decliner).post(`/reviews/${declined.id}/decline`, {
      reason: 'Консультировал эту организацию',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
    expect((await as(decliner).post(`/reviews/${declined.id}/decline`, { reason: 'again' })).status).toBe(409);
    // Every admin learns that the application is short of an expert.
    const told: Array<{ user_id: string; payload: { reason: string; expertName: string } }> = await ctx.api
      .get(DataSource)
      .query(
        `SELECT user_id, payload FROM notifications WHERE template = 'review.declined' AND payload->>'reviewId' = $1`,
        [declined.id],
      );
    expect(told.map((t) => t.user_id)).toEqual([admin.user.id]);
    expect(told[0].payload).toMatchObject({
      reason: 'Консультировал эту организацию',
      expertName: decliner.user.fullName,
    });
    const conflicts = (await as(decliner).get('/reviews/conflicts')).body.items as Array<{ organizationId: string }>;
    expect(conflicts.map((c) => c.organizationId)).toContain(app.organizationId);

    const auto = await as(admin).post(`/competitions/${round.competitionId}/assignments`, { auto: true });
    expect(auto.body).toEqual({ created: 1, unfilled: 0 });
    const now = await reviewIdsOf(app.id);
    const active = now.filter((r) => r.status !== 'declined');
    expect(active).toHaveLength(2);
    const replacement = active.find((r) => r.id !== reviewsByApp.get(app.id)![0].id)!;
    expect(replacement.expert_id).not.toBe(decliner.user.id);
    expect(replacement.expert_id).not.toBe(reviewsByApp.get(app.id)![0].expertId);
    reviewsByApp.set(
      app.id,
      now.map((r) => ({ id: r.id, expertId: r.expert_id, status: r.status })),
    );
  });

  it('declines the unfinished reviews of an organization an expert declares a conflict with', async () => {
    const app = round.applications[3];
    const [target] = reviewsByApp.get(app.id)!;
    const expert = expertById(target.expertId);
    const res = await as(expert).post('/reviews/conflicts', {
      organizationId: app.organizationId,
      reason: 'Родственник в правлении',
    });
    expect(res.status).toBe(201);
    expect(res.body.declinedReviewIds).toEqual([target.id]);
    expect((await as(expert).get(`/reviews/${target.id}`)).body).toMatchObject({
      status: 'declined',
      declineReason: 'Родственник в правлении',
    });
    expect((await as(admin).post(`/competitions/${round.competitionId}/assignments`, { auto: true })).body).toEqual({
      created: 1,
      unfilled: 0,
    });
    const experts = (await reviewIdsOf(app.id)).filter((r) => r.status !== 'declined').map((r) => r.expert_id);
    expect(experts).toHaveLength(2);
    expect(experts).not.toContain(expert.user.id);
  });

  it('marks an application reviewed when its reviews agree, with the mean score', async () => {
    const app = round.applications[1];
    const active = reviewsByApp.get(app.id)!.filter((r) => r.status !== 'declined');
    await scoreAndSubmit(active[0].id, expertById(active[0].expertId), scores(7, 5, 10)); // 14 + 7.5 + 5 = 26.5
    expect((await applicationStatus(app.id)).status).toBe('under_review');
    const second = await scoreAndSubmit(active[1].id, expertById(active[1].expertId), scores(9, 6, 3)); // 18 + 9 + 1.5 = 28.5
    expect(second).toMatchObject({ status: 'submitted', total: 28.5 });
    expect(await applicationStatus(app.id)).toEqual({ status: 'reviewed', score: '27.50' });
    expect((await as(expertById(active[1].expertId)).post(`/reviews/${active[1].id}/submit`)).status).toBe(409);
    expect(
      (await as(expertById(active[1].expertId)).put(`/reviews/${active[1].id}`, { scores: scores(1, 1, 1) })).status,
    ).toBe(409);
    const events = await ctx.api
      .get(DataSource)
      .query(`SELECT from_status, to_status, actor_role FROM application_events WHERE application_id = $1`, [app.id]);
    expect(events).toEqual([{ from_status: 'under_review', to_status: 'reviewed', actor_role: 'system' }]);
  });

  it('asks for an extra expert when the first reviews diverge and waits for it', async () => {
    const app = round.applications[2];
    const [r1, r2] = reviewsByApp.get(app.id)!;
    await scoreAndSubmit(r1.id, expertById(r1.expertId), scores(10, 10, 10)); // 40
    await scoreAndSubmit(r2.id, expertById(r2.expertId), scores(5, 5, 2)); // 10 + 7.5 + 1 = 18.5: spread 21.5 > 12
    expect((await applicationStatus(app.id)).status).toBe('under_review');
    const ranking = await as(admin).get(`/competitions/${round.competitionId}/ranking`);
    expect(ranking.body.items.find((i: { applicationId: string }) => i.applicationId === app.id)).toMatchObject({
      reviewsSubmitted: 2,
      needsExtraReview: true,
      score: null,
    });

    expect((await as(admin).post(`/competitions/${round.competitionId}/assignments`, { auto: true })).body).toEqual({
      created: 1,
      unfilled: 0,
    });
    const extra = (await reviewIdsOf(app.id)).find((r) => r.id !== r1.id && r.id !== r2.id)!;
    expect(extra.is_extra).toBe(true);
    expect([r1.expertId, r2.expertId]).not.toContain(extra.expert_id);
    await scoreAndSubmit(extra.id, expertById(extra.expert_id), scores(8, 8, 8)); // 16 + 12 + 4 = 32
    expect(await applicationStatus(app.id)).toEqual({ status: 'reviewed', score: '30.17' }); // (40 + 18.5 + 32) / 3
    const after = await as(admin).get(`/competitions/${round.competitionId}/ranking`);
    expect(after.body.items.find((i: { applicationId: string }) => i.applicationId === app.id)).toMatchObject({
      reviewsSubmitted: 3,
      needsExtraReview: false,
      score: 30.17,
    });
  });

  it('counts a review beyond the required ones in the score of a reviewed application', async () => {
    const solo = await createReviewRound(ctx, { requestedAmounts: ['70000.00'], criteria: CRITERIA });
    const app = solo.applications[0];
    const ids: string[] = [];
    for (const e of experts) {
      const res = await as(admin).post(`/competitions/${solo.competitionId}/assignments`, {
        applicationId: app.id,
        expertId: e.user.id,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    expect((await reviewIdsOf(app.id)).map((r) => r.is_extra)).toEqual([false, false, true]);
    await scoreAndSubmit(ids[0], experts[0], scores(10, 10, 10)); // 40
    await scoreAndSubmit(ids[1], experts[1], scores(10, 8, 4)); // 34
    expect(await applicationStatus(app.id)).toEqual({ status: 'reviewed', score: '37.00' });
    await scoreAndSubmit(ids[2], experts[2], scores(10, 5, 5)); // 30
    expect(await applicationStatus(app.id)).toEqual({ status: 'reviewed', score: '34.67' });
  });

  it('keeps the score blind: admins only, the applicant after the announcement, never experts or consultants', async () => {
    const blind = await createReviewRound(ctx, { requestedAmounts: ['90000.00'], criteria: CRITERIA });
    const app = blind.applications[0];
    const [e1, e2] = experts;
    const consultant = await createStaff(ctx.http, admin, 'consultant');
    await markConsultantAssisted(ctx, app, consultant.user.id);
    const reviewIds: string[] = [];
    for (const e of [e1, e2]) {
      const res = await as(admin).post(`/competitions/${blind.competitionId}/assignments`, {
        applicationId: app.id,
        expertId: e.user.id,
      });
      expect(res.status).toBe(201);
      reviewIds.push(res.body.id);
    }
    await scoreAndSubmit(reviewIds[0], e1, scores(10, 10, 10)); // 40
    await scoreAndSubmit(reviewIds[1], e2, scores(9, 9, 9)); // 36: e1 could compute it from the mean 38
    expect(await applicationStatus(app.id)).toEqual({ status: 'reviewed', score: '38.00' });

    const scoreSeenBy = async (s: Session) => {
      const one = await as(s).get(`/applications/${app.id}`);
      expect(one.status).toBe(200);
      const list = await as(s).get(`/applications?competitionId=${blind.competitionId}`);
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: { id: string }) => i.id === app.id);
      expect(item).toBeDefined();
      return { one: one.body.score, list: item.score };
    };
    expect(await scoreSeenBy(admin)).toEqual({ one: 38, list: 38 });
    expect(await scoreSeenBy(e1)).toEqual({ one: null, list: null });
    expect(await scoreSeenBy(e2)).toEqual({ one: null, list: null });
    expect(await scoreSeenBy(consultant)).toEqual({ one: null, list: null });
    expect(await scoreSeenBy(app.applicant)).toEqual({ one: null, list: null });

    await ctx.api
      .get(DataSource)
      .query(`UPDATE competitions SET status = 'results_announced', announced_at = now() WHERE id = $1`, [
        blind.competitionId,
      ]);
    expect(await scoreSeenBy(app.applicant)).toEqual({ one: 38, list: 38 });
    expect(await scoreSeenBy(e1)).toEqual({ one: null, list: null });
    expect(await scoreSeenBy(consultant)).toEqual({ one: null, list: null });
  });

  it('shows each expert’s load, mean total and leniency against peers', async () => {
    const res = await as(admin).get(`/competitions/${round.competitionId}/experts`);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((i: { expertId: string }) => [i.expertId, i]));
    const app = round.applications[2];
    const [r1, r2] = reviewsByApp.get(app.id)!;
    // The expert who gave 40 where peers gave 18.5 and 32 is the lenient one; 18.5 the harsh one.
    expect((byId.get(r1.expertId) as { leniency: number }).leniency).toBeGreaterThan(0);
    expect((byId.get(r2.expertId) as { leniency: number }).leniency).toBeLessThan(0);
    for (const item of res.body.items) {
      expect(item).toEqual({
        expertId: expect.any(String),
        fullName: expect.any(String),
        assigned: expect.any(Number),
        submitted: expect.any(Number),
        declined: expect.any(Number),
        meanTotal: item.submitted ? expect.any(Number) : null,
        leniency: item.leniency === null ? null : expect.any(Number),
      });
    }
    expect((await as(admin).get(`/competitions/00000000-0000-4000-8000-000000000000/experts`)).status).toBe(404);
  });

  it('shows an expert only the applications assigned to it, and never consultations', async () => {
    const first = round.applications[0];
    const [e1] = experts; // conflicted with the first organization, so never assigned to it
    const assigned = expertById(reviewsByApp.get(first.id)![0].expertId);
    await ctx.api.get(DataSource).query(`UPDATE applications SET consultant_assisted = true WHERE id = $1`, [first.id]);
    const seen = await as(assigned).get(`/applications/${first.id}`);
    expect(seen.status).toBe(200);
    // Whether an NGO was helped by the Resource Center is none of the expert's business.
    expect(seen.body.consultantAssisted).toBeNull();
    expect((await as(admin).get(`/applications/${first.id}`)).body.consultantAssisted).toBe(true);
    expect(
      (await as(assigned).get(`/applications?competitionId=${round.competitionId}`)).body.items.every(
        (a: { consultantAssisted: boolean | null }) => a.consultantAssisted === null,
      ),
    ).toBe(true);
    expect((await as(e1).get(`/applications/${first.id}`)).status).toBe(404);
    const declinedBy = expertById(
      reviewsByApp.get(round.applications[1].id)!.find((r) => r.status === 'declined')!.expertId,
    );
    expect((await as(declinedBy).get(`/applications/${round.applications[1].id}`)).status).toBe(404);
    expect((await as(assigned).get('/consultations')).status).toBe(403);
  });

  it('lets the admin read every review of an application with its expert', async () => {
    const app = round.applications[1];
    const items = await reviewsOf(app.id);
    expect(items.map((i) => i.status).sort()).toEqual(['declined', 'submitted', 'submitted']);
    expect(items.every((i) => typeof i.expertId === 'string')).toBe(true);
  });
  it('moves the due date of unfinished reviews when the review deadline is extended', async () => {
    const db = ctx.api.get(DataSource);
    const before: Array<{ id: string; status: string; due_at: Date }> = await db.query(
      `SELECT id, status, due_at FROM reviews WHERE competition_id = $1`,
      [round.competitionId],
    );
    const later = new Date(Date.now() + 40 * 24 * 3600 * 1000);
    later.setMilliseconds(0);
    const res = await as(admin).patch(`/competitions/${round.competitionId}`, { reviewDeadline: later.toISOString() });
    expect(res.status).toBe(200);
    const after: Array<{ id: string; status: string; due_at: Date }> = await db.query(
      `SELECT id, status, due_at FROM reviews WHERE competition_id = $1`,
      [round.competitionId],
    );
    for (const review of after) {
      const old = before.find((b) => b.id === review.id)!;
      const expected = ['assigned', 'in_progress'].includes(review.status) ? later : old.due_at;
      expect(new Date(review.due_at).toISOString()).toBe(new Date(expected).toISOString());
    }
    expect(after.some((r) => ['assigned', 'in_progress'].includes(r.status))).toBe(true);
  });
});
