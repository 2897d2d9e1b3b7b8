import { DataSource } from 'typeorm';
import { TEMPLATES } from '@grants/domain';
import { TemplateRenderer } from '@grants/mail';
import { JobQueue, QueueName } from '@grants/queue';
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

/** Maximum total 40: relevance ×2, budget ×1.5, openness ×0.5. */
const CRITERIA = [
  { code: 'relevance', title: 'Актуальность', weight: 2, maxScore: 10 },
  { code: 'budget', title: 'Обоснованность бюджета', weight: 1.5, maxScore: 10 },
  { code: 'openness', title: 'Открытость', weight: 0.5, maxScore: 10 },
];
/** Scores that give each total used below. */
const SCORES_FOR: Record<number, Record<string, number>> = {
  36: { relevance: 10, budget: 10, openness: 2 },
  34: { relevance: 10, budget: 8, openness: 4 },
  32: { relevance: 10, budget: 8, openness: 0 },
  30: { relevance: 10, budget: 5, openness: 5 },
  28: { relevance: 8, budget: 8, openness: 0 },
  22: { relevance: 6, budget: 6, openness: 2 },
  20: { relevance: 5, budget: 5, openness: 5 },
};

describe('Ranking, award proposal, announcement and public results', () => {
  let ctx: TestContext;
  let db: DataSource;
  let admin: Session;
  let consultant: Session;
  let experts: Session[];
  let round: ReviewRound;
  // A1..A6 in submission order
  let A: ReviewRound['applications'];
  let lateReview: { id: string; expert: Session };

  const as = (s: Session) => ctx.http.as(s);
  const path = (suffix: string) => `/competitions/${round.competitionId}/${suffix}`;
  const reviewsOf = async (applicationId: string) => {
    const rows: Array<{ id: string; expert_id: string }> = await db.query(
      `SELECT id, expert_id FROM reviews WHERE application_id = $1 AND status <> 'declined' ORDER BY expert_id`,
      [applicationId],
    );
    return rows.map((r) => ({ id: r.id, expert: experts.find((e) => e.user.id === r.expert_id)! }));
  };
  const review = async (reviewId: string, expert: Session, total: number, submit = true) => {
    expect(
      (await as(expert).put(`/reviews/${reviewId}`, { scores: SCORES_FOR[total], comment: `Оценка ${total}` })).status,
    ).toBe(200);
    if (submit) expect((await as(expert).post(`/reviews/${reviewId}/submit`)).status).toBe(200);
  };
  const statusOf = async (id: string) =>
    (await db.query(`SELECT status FROM applications WHERE id = $1`, [id]))[0].status as string;

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    consultant = await createStaff(ctx.http, admin, 'consultant');
    experts = [];
    for (let i = 0; i < 3; i++)
      experts.push(await createStaff(ctx.http, admin, 'expert', { fullName: `Экспертова Ольга ${i + 1}` }));
    round = await createReviewRound(ctx, {
      requestedAmounts: ['300000.00', '250000.00', '200000.00', '100000.00', '100000.00', '100000.00'],
      criteria: CRITERIA,
      totalBudget: '700000.00',
      maxGrantAmount: '300000.00',
    });
    A = round.applications;
    await markConsultantAssisted(ctx, A[0], consultant.user.id);
    await markConsultantAssisted(ctx, A[3], consultant.user.id);
    // A[5] is submitted at the same instant as A[3]: their tie on score is broken by id.
    await db.query(`UPDATE applications SET submitted_at = $2 WHERE id = $1`, [A[5].id, A[3].submittedAt]);

    expect((await as(admin).post(path('assignments'), { auto: true })).body).toEqual({ created: 12, unfilled: 0 });
    const plan: Array<[number, number[]]> = [
      [0, [36, 34]],
      [1, [30, 32]],
      [2, [28, 28]],
      [3, [28, 28]],
      [5, [28, 28]],
    ];
    for (const [i, totals] of plan) {
      const reviews = await reviewsOf(A[i].id);
      for (const [k, total] of totals.entries()) await review(reviews[k].id, reviews[k].expert, total);
    }
    // A[4] gets one review in; the second is scored but not yet submitted.
    const late = await reviewsOf(A[4].id);
    await review(late[0].id, late[0].expert, 20);
    await review(late[1].id, late[1].expert, 22, false);
    lateReview = late[1];
  });
  afterAll(() => ctx.close());

  it('ranks by score, then earlier submission, then id; unscored applications last', async () => {
    const res = await as(admin).get(path('ranking'));
    expect(res.status).toBe(200);
    const tied = [A[3].id, A[5].id].sort();
    expect(res.body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([
      A[0].id,
      A[1].id,
      A[2].id,
      ...tied,
      A[4].id,
    ]);
    expect(res.body.items[0]).toEqual({
      rank: 1,
      applicationId: A[0].id,
      registrationNumber: A[0].registrationNumber,
      title: expect.any(String),
      organizationName: expect.any(String),
      requestedAmount: '300000.00',
      score: 35,
      reviewsSubmitted: 2,
      needsExtraReview: false,
      status: 'reviewed',
    });
    expect(res.body.items[5]).toMatchObject({ rank: 6, score: null, reviewsSubmitted: 1, status: 'under_review' });
    expect((await as(experts[0]).get(path('ranking'))).status).toBe(403);
  });

  it('proposes awards down the ranking while the budget allows, respecting the minimum score', async () => {
    const res = await as(admin).get(path('award-proposal'));
    expect(res.status).toBe(200);
    // 300 000 + 250 000 fit; the third (200 000) does not fit the remaining 150 000, so the walk stops.
    expect(res.body).toEqual({
      items: [
        { applicationId: A[0].id, amount: '300000.00' },
        { applicationId: A[1].id, amount: '250000.00' },
      ],
      total: '550000.00',
    });
    await db.query(`UPDATE competitions SET min_score_to_award = 32 WHERE id = $1`, [round.competitionId]);
    expect((await as(admin).get(path('award-proposal'))).body).toEqual({
      items: [{ applicationId: A[0].id, amount: '300000.00' }],
      total: '300000.00',
    });
    await db.query(`UPDATE competitions SET min_score_to_award = NULL WHERE id = $1`, [round.competitionId]);
  });

  it('refuses awards over the budget, over the request, for unreviewed applications, and bad input', async () => {
    expect((await ctx.http.get(path('results'))).status).toBe(404);
    const over = await as(admin).post(path('results'), {
      awards: [
        { applicationId: A[0].id, amount: '300000.00' },
        { applicationId: A[1].id, amount: 250000 },
        { applicationId: A[3].id, amount: '100000' },
        { applicationId: A[5].id, amount: '100000.00' },
      ],
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('BUDGET_EXCEEDED');
    const overRequest = await as(admin).post(path('results'), {
      awards: [{ applicationId: A[3].id, amount: '100000.01' }],
    });
    expect(overRequest.status).toBe(422);
    expect(overRequest.body.code).toBe('BUDGET_EXCEEDED');
    const notReviewed = await as(admin).post(path('results'), {
      awards: [{ applicationId: A[4].id, amount: '1000.00' }],
    });
    expect(notReviewed.status).toBe(422);
    expect(notReviewed.body.code).toBe('NOT_REVIEWED');
    for (const amount of ['-5', '1.001', 'много', 0]) {
      const bad = await as(admin).post(path('results'), { awards: [{ applicationId: A[0].id, amount }] });
      expect(bad.status).toBe(400);
      expect(bad.body.message.join(' ')).toMatch(/amount/);
    }
    const twice = await as(admin).post(path('results'), {
      awards: [
        { applicationId: A[0].id, amount: '1.00' },
        { applicationId: A[0].id, amount: '2.00' },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await as(admin).post(path('results'), {})).status).toBe(400);
    // Nothing changed
    expect(await statusOf(A[0].id)).toBe('reviewed');
    expect((await db.query(`SELECT status FROM competitions WHERE id = $1`, [round.competitionId]))[0].status).toBe(
      'review',
    );
  });

  /**
   * Runs a late review submission and the announcement concurrently (in the given order of
   * starting) and checks the outcome is one of the two coherent ones.
   */
  async function race(
    competitionPath: (suffix: string) => string,
    late: { applicationId: string; reviewId: string; expert: Session; score: string },
    awards: Array<{ applicationId: string; amount: string }>,
    submitFirst: boolean,
  ) {
    const submit = () => as(late.expert).post(`/reviews/${late.reviewId}/submit`);
    const announce = () => as(admin).post(competitionPath('results'), { awards });
    const [submitted, announced] = submitFirst
      ? await Promise.all([submit(), announce()])
      : await Promise.all([announce(), submit()]).then(([a, s]) => [s, a]);
    expect(announced.status).toBe(200);
    const [application] = await db.query(`SELECT status, score FROM applications WHERE id = $1`, [late.applicationId]);
    const [{ status: reviewStatus }] = await db.query(`SELECT status FROM reviews WHERE id = $1`, [late.reviewId]);
    if (submitted.status === 200) {
      // The review came first: the application was reviewed in time and is decided.
      expect(application).toEqual({ status: 'not_awarded', score: late.score });
      expect(reviewStatus).toBe('submitted');
      expect(announced.body.pending).toBe(0);
    } else {
      // The announcement came first: reviews are closed and the application keeps its status.
      expect(submitted.status).toBe(409);
      expect(submitted.body.code).toBe('INVALID_TRANSITION');
      expect(application).toEqual({ status: 'under_review', score: null });
      expect(reviewStatus).toBe('in_progress');
      expect(announced.body.pending).toBe(1);
    }
    return { submitted, announced };
  }

  it('announces in one transaction, consistently with a racing late review submission', async () => {
    const awards = [
      { applicationId: A[0].id, amount: '300000.00' },
      { applicationId: A[1].id, amount: '250000.00' },
      { applicationId: A[2].id, amount: '150000.00' },
    ];
    const { announced } = await race(
      path,
      { applicationId: A[4].id, reviewId: lateReview.id, expert: lateReview.expert, score: '21.00' },
      awards,
      true,
    );
    expect(announced.body).toMatchObject({ awarded: 3, totalAwarded: '700000.00' });
    expect(announced.body.notAwarded + announced.body.pending).toBe(3);
    expect(await statusOf(A[0].id)).toBe('awarded');
    expect(await statusOf(A[3].id)).toBe('not_awarded');
    const [competition] = await db.query(`SELECT status, announced_at FROM competitions WHERE id = $1`, [
      round.competitionId,
    ]);
    expect(competition.status).toBe('results_announced');
    expect(competition.announced_at).toBeInstanceOf(Date);

    const again = await as(admin).post(path('results'), { awards });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ANNOUNCED');
    // Late work after the announcement is refused.
    expect((await as(admin).post(path('assignments'), { auto: true })).status).toBe(409);
  });

  it('stays coherent when the announcement starts before the late submission', async () => {
    const small = await createReviewRound(ctx, { requestedAmounts: ['100000.00', '100000.00'], criteria: CRITERIA });
    const smallPath = (suffix: string) => `/competitions/${small.competitionId}/${suffix}`;
    expect((await as(admin).post(smallPath('assignments'), { auto: true })).body).toEqual({ created: 4, unfilled: 0 });
    const [done, pending] = [await reviewsOf(small.applications[0].id), await reviewsOf(small.applications[1].id)];
    for (const r of done) await review(r.id, r.expert, 30);
    await review(pending[0].id, pending[0].expert, 20);
    await review(pending[1].id, pending[1].expert, 22, false);
    const late = {
      applicationId: small.applications[1].id,
      reviewId: pending[1].id,
      expert: pending[1].expert,
      score: '21.00',
    };
    const { announced } = await race(
      smallPath,
      late,
      [{ applicationId: small.applications[0].id, amount: '100000.00' }],
      false,
    );
    expect(announced.body).toMatchObject({ awarded: 1, totalAwarded: '100000.00' });
  });

  it('lets exactly one of two concurrent announcements through', async () => {
    const tiny = await createReviewRound(ctx, { requestedAmounts: ['100000.00'], criteria: CRITERIA });
    await db.query(`UPDATE applications SET status = 'reviewed', score = 30 WHERE id = $1`, [tiny.applications[0].id]);
    const body = { awards: [{ applicationId: tiny.applications[0].id, amount: '100000.00' }] };
    const results = await Promise.all(
      [0, 1].map(() => as(admin).post(`/competitions/${tiny.competitionId}/results`, body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('ALREADY_ANNOUNCED');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM application_events WHERE application_id = $1 AND to_status = 'awarded'`,
      [tiny.applications[0].id],
    );
    expect(count).toBe(1);
  });

  it('notifies every applicant and the consultant of an assisted winner, audits, and recompiles the year', async () => {
    const rows: Array<{ template: string; user_id: string; decision_key: string; payload: Record<string, unknown> }> =
      await db.query(
        `SELECT template, user_id, decision_key, payload FROM notifications WHERE template LIKE 'results.%' AND payload->>'competitionId' = $1`,
        [round.competitionId],
      );
    const of = (template: string) => rows.filter((r) => r.template === template);
    expect(
      of('results.awarded')
        .map((r) => r.user_id)
        .sort(),
    ).toEqual([A[0], A[1], A[2]].map((a) => a.applicant.user.id).sort());
    expect(of('results.awarded').find((r) => r.user_id === A[0].applicant.user.id)).toMatchObject({
      decision_key: `decision:${A[0].id}`,
      payload: {
        applicationId: A[0].id,
        awardedAmount: '300000.00',
        score: '35.00',
        registrationNumber: A[0].registrationNumber,
      },
    });
    expect(of('results.not_awarded').map((r) => r.user_id)).toEqual(
      expect.arrayContaining([A[3], A[5]].map((a) => a.applicant.user.id)),
    );
    // Only the assisted *winner* A[0] brings the consultant a mail; assisted A[3] was not awarded.
    expect(of('results.assisted_winner')).toEqual([
      expect.objectContaining({ user_id: consultant.user.id, decision_key: `decision:${A[0].id}` }),
    ]);

    // Every mail this round wrote renders in both locales (the renderer is strict about missing fields).
    const renderer = new TemplateRenderer({
      appUrl: 'http://grants.test',
      defaultTimezone: 'Asia/Krasnoyarsk',
      templates: TEMPLATES,
    });
    const written: Array<{ template: string; payload: Record<string, unknown> }> = await db.query(
      `SELECT template, payload FROM notifications WHERE payload->>'competitionId' = $1`,
      [round.competitionId],
    );
    expect(new Set(written.map((w) => w.template))).toEqual(
      new Set(['review.assigned', 'results.awarded', 'results.not_awarded', 'results.assisted_winner']),
    );
    for (const { template, payload } of written)
      for (const locale of ['ru', 'en'] as const)
        expect(renderer.render(template, locale, payload).text).toContain(String(payload.applicationTitle));

    const audit = await as(admin).get('/audit');
    expect(audit.body.items.map((i: { action: string }) => i.action)).toContain('competition.announce');

    const jobs = await ctx.api
      .get(JobQueue)
      .queue(QueueName.Statistics)
      .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized']);
    expect(jobs.map((j) => j.data)).toContainEqual({ year: round.year, trigger: 'announcement' });
  });

  it('publishes the winners without authentication', async () => {
    const res = await ctx.http.anonymous().get(path('results'));
    expect(res.status).toBe(200);
    const [inn] = (await db.query(`SELECT inn FROM organizations WHERE id = $1`, [A[0].organizationId])).map(
      (r: { inn: string }) => r.inn,
    );
    expect(res.body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([A[0].id, A[1].id, A[2].id]);
    expect(res.body.items[0]).toEqual({
      applicationId: A[0].id,
      registrationNumber: A[0].registrationNumber,
      title: expect.any(String),
      organizationName: expect.any(String),
      inn,
      awardedAmount: '300000.00',
      score: 35,
      grantId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.body.totalAwarded).toBe('700000.00');
  });

  it('shows the applicant its reviews anonymised after the announcement, and nobody else', async () => {
    const res = await as(A[0].applicant).get(`/applications/${A[0].id}/reviews`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { expertLabel: 'Эксперт 1', scores: SCORES_FOR[36], total: 36, comment: 'Оценка 36' },
      { expertLabel: 'Эксперт 2', scores: SCORES_FOR[34], total: 34, comment: 'Оценка 34' },
    ]);
    for (const e of experts) {
      expect(res.text).not.toContain(e.user.id);
      expect(res.text).not.toContain(e.user.fullName);
      expect(res.text).not.toContain(e.user.email);
    }
    expect((await as(A[1].applicant).get(`/applications/${A[0].id}/reviews`)).status).toBe(404);
    expect((await as(experts[0]).get(`/applications/${A[0].id}/reviews`)).status).toBe(403);
    expect((await ctx.http.anonymous().get(`/applications/${A[0].id}/reviews`)).status).toBe(401);
  });
});
