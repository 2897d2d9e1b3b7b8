import { DataSource } from 'typeorm';
import {
  competitionBody,
  createCompetition,
  createDraftApplication,
  createOpenCompetition,
  createTestContext,
  loginAdmin,
  registerNgo,
  Session,
  submitApplication,
  TestContext,
} from '@grants/testing';

const DAY = 24 * 60 * 60 * 1000;

describe('Competitions: create, edit, publish, extend, cancel', () => {
  let ctx: TestContext;
  let admin: Session;
  let db: DataSource;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    db = ctx.api.get(DataSource);
  });
  afterAll(() => ctx.close());

  it('creates a draft with defaults: RUB, Krasnoyarsk time, two experts, 30% divergence, the ten default criteria', async () => {
    const res = await ctx.http
      .as(admin)
      .post('/competitions', competitionBody({ totalBudget: 1500000, maxGrantAmount: '250000.5' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      currency: 'RUB',
      timezone: 'Asia/Krasnoyarsk',
      expertsPerApplication: 2,
      divergenceThreshold: 30,
      minCoFinancingPercent: 10,
      totalBudget: '1500000.00',
      maxGrantAmount: '250000.50',
    });
    expect(res.body.shortCode).toMatch(/^[A-Z2-9]{5}$/);
    expect(res.body.criteria).toHaveLength(10);
    expect(res.body.criteria.map((c: { weight: number }) => c.weight)).toEqual([
      2, 2, 0.5, 1, 1.5, 0.5, 0.5, 1, 0.5, 0.5,
    ]);
    expect(res.body.criteria.every((c: { maxScore: number }) => c.maxScore === 10)).toBe(true);
    expect(res.body.criteria[0].title).toBe('Актуальность и социальная значимость проекта');
    expect(res.body.createdAt).toEqual(expect.any(String));
  });

  it('keeps custom criteria and gives each competition its own short code', async () => {
    const criteria = [{ code: 'quality', title: 'Качество проекта', weight: 1, maxScore: 5 }];
    const a = await createCompetition(ctx.http, admin, { criteria, timezone: 'Europe/Moscow' });
    const b = await createCompetition(ctx.http, admin);
    expect(a.criteria).toEqual(criteria);
    expect(a.timezone).toBe('Europe/Moscow');
    expect(a.shortCode).not.toBe(b.shortCode);
  });

  it('keeps optional English titles of criteria and directions; the default criteria come with theirs', async () => {
    const byDefault = await createCompetition(ctx.http, admin);
    expect(byDefault.criteria[0]).toEqual({
      code: 'relevance',
      title: 'Актуальность и социальная значимость проекта',
      titleEn: 'Relevance and social significance of the project',
      weight: 2,
      maxScore: 10,
    });
    expect(byDefault.criteria.every((c: { titleEn?: string }) => typeof c.titleEn === 'string')).toBe(true);
    expect(byDefault.directions[0]).toEqual({ code: 'social', title: 'Социальная поддержка и защита граждан' });

    const directions = [
      { code: 'social', title: 'Социальная поддержка', titleEn: '  Social support  ' },
      { code: 'culture', title: 'Культура' },
    ];
    const criteria = [
      { code: 'quality', title: 'Качество проекта', titleEn: 'Project quality', weight: 1, maxScore: 5 },
      { code: 'team', title: 'Команда', weight: 1, maxScore: 5 },
    ];
    const created = await createCompetition(ctx.http, admin, { directions, criteria });
    expect(created.directions).toEqual([
      { code: 'social', title: 'Социальная поддержка', titleEn: 'Social support' },
      { code: 'culture', title: 'Культура' },
    ]);
    expect(created.criteria).toEqual(criteria);

    const patched = await ctx.http.as(admin).patch(`/competitions/${created.id}`, {
      directions: [{ code: 'culture', title: 'Культура', titleEn: 'Culture' }],
      criteria: [{ code: 'quality', title: 'Качество проекта', titleEn: null, weight: 1, maxScore: 5 }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.directions).toEqual([{ code: 'culture', title: 'Культура', titleEn: 'Culture' }]);
    expect(patched.body.criteria).toEqual([{ code: 'quality', title: 'Качество проекта', weight: 1, maxScore: 5 }]);
    const read = await ctx.http.as(admin).get(`/competitions/${created.id}`);
    expect(read.body.directions).toEqual(patched.body.directions);

    for (const titleEn of ['', '   ', 5, 'x'.repeat(301)]) {
      const bad = await ctx.http
        .as(admin)
        .post(
          '/competitions',
          competitionBody({ criteria: [{ code: 'q', title: 'Q', titleEn, weight: 1, maxScore: 5 }] }),
        );
      expect({ titleEn, status: bad.status }).toEqual({ titleEn, status: 400 });
      expect(JSON.stringify(bad.body.message)).toContain('titleEn');
    }
    const badDirection = await ctx.http
      .as(admin)
      .post('/competitions', competitionBody({ directions: [{ code: 'a', title: 'A', titleEn: ['A'] }] }));
    expect(badDirection.status).toBe(400);
    expect(JSON.stringify(badDirection.body.message)).toContain('titleEn');
  });

  it('rejects bad input with 400 naming each field', async () => {
    const now = Date.now();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ submissionOpensAt: new Date(now + 9 * DAY).toISOString() }, 'submissionDeadline'],
      [{ reviewDeadline: new Date(now + 2 * DAY).toISOString() }, 'reviewDeadline'],
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ directions: [] }, 'directions'],
      [
        {
          directions: [
            { code: 'a', title: 'A' },
            { code: 'a', title: 'B' },
          ],
        },
        'directions',
      ],
      [
        {
          criteria: [
            { code: 'x', title: 'X', weight: 1, maxScore: 10 },
            { code: 'x', title: 'Y', weight: 1, maxScore: 10 },
          ],
        },
        'criteria',
      ],
      [{ totalBudget: '100.123' }, 'totalBudget'],
      [{ totalBudget: -5 }, 'totalBudget'],
      [{ totalBudget: 'много' }, 'totalBudget'],
      [{ maxGrantAmount: '2000000.00' }, 'maxGrantAmount'],
      [{ minCoFinancingPercent: 150 }, 'minCoFinancingPercent'],
      [{ submissionDeadline: '2026-13-45' }, 'submissionDeadline'],
      [{ year: 'двадцать' }, 'year'],
      [{ title: null }, 'title'],
      [{ isPublic: true }, 'isPublic'],
    ];
    for (const [overrides, field] of cases) {
      const res = await ctx.http.as(admin).post('/competitions', competitionBody(overrides));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
    const { title: _omit, ...noTitle } = competitionBody();
    const missing = await ctx.http.as(admin).post('/competitions', noTitle);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.message)).toContain('title');
  });

  it('hides drafts from everyone but admins, and publishes draft → open once', async () => {
    const ngo = await registerNgo(ctx.http);
    const draft = await createCompetition(ctx.http, admin);
    expect((await ctx.http.get(`/competitions/${draft.id}`)).status).toBe(404);
    expect((await ctx.http.as(ngo).get(`/competitions/${draft.id}`)).status).toBe(404);
    expect((await ctx.http.as(admin).get(`/competitions/${draft.id}`)).status).toBe(200);
    const publicList = await ctx.http.get('/competitions?pageSize=100');
    expect(publicList.body.items.map((c: { id: string }) => c.id)).not.toContain(draft.id);
    const adminList = await ctx.http.as(admin).get('/competitions?pageSize=100&status=draft');
    expect(adminList.body.items.map((c: { id: string }) => c.id)).toContain(draft.id);

    const published = await ctx.http.as(admin).post(`/competitions/${draft.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('open');
    expect(published.body.publishedAt).toEqual(expect.any(String));
    const again = await ctx.http.as(admin).post(`/competitions/${draft.id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    const anonymous = await ctx.http.get(`/competitions/${draft.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.status).toBe('open');
    const audit = await ctx.http.as(admin).get('/audit?pageSize=100');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['competition.create', 'competition.publish']),
    );
  });

  it('lets a draft change anything, re-checking the deadline order', async () => {
    const draft = await createCompetition(ctx.http, admin);
    const ok = await ctx.http
      .as(admin)
      .patch(`/competitions/${draft.id}`, { title: 'Новое название', maxGrantAmount: 100000 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'Новое название', maxGrantAmount: '100000.00' });
    const bad = await ctx.http
      .as(admin)
      .patch(`/competitions/${draft.id}`, { reviewDeadline: draft.submissionOpensAt });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('reviewDeadline');
  });

  it('after publish allows only the description and later deadlines; extension tells organizations with drafts', async () => {
    const competition = await createOpenCompetition(ctx.http, admin);
    const withDraft = await registerNgo(ctx.http);
    const withSubmitted = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, withDraft, competition.id);
    const sent = await createDraftApplication(ctx.http, withSubmitted, competition.id);
    await submitApplication(ctx.http, withSubmitted, sent.id);

    const title = await ctx.http.as(admin).patch(`/competitions/${competition.id}`, { title: 'Другое' });
    expect(title.status).toBe(409);
    expect(title.body.code).toBe('NOT_EDITABLE');
    const shorter = await ctx.http.as(admin).patch(`/competitions/${competition.id}`, {
      submissionDeadline: new Date(Date.parse(competition.submissionDeadline) - DAY).toISOString(),
    });
    expect(shorter.status).toBe(422);
    expect(shorter.body.code).toBe('DEADLINE_SHORTENED');
    const reviewEarlier = await ctx.http.as(admin).patch(`/competitions/${competition.id}`, {
      reviewDeadline: new Date(Date.parse(competition.reviewDeadline) - DAY).toISOString(),
    });
    expect(reviewEarlier.body.code).toBe('DEADLINE_SHORTENED');

    const later = new Date(Date.parse(competition.submissionDeadline) + 3 * DAY).toISOString();
    const extended = await ctx.http
      .as(admin)
      .patch(`/competitions/${competition.id}`, { submissionDeadline: later, description: 'Срок продлён' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ submissionDeadline: later, description: 'Срок продлён', status: 'open' });

    const rows = await db.query(`SELECT user_id, payload FROM notifications WHERE template = 'deadline.extended'`);
    expect(rows.map((r: { user_id: string }) => r.user_id)).toEqual([withDraft.user.id]);
    expect(rows[0].payload).toMatchObject({
      applicationId: draft.id,
      competitionId: competition.id,
      previousDeadline: competition.submissionDeadline,
      deadline: later,
      timezone: 'Asia/Krasnoyarsk',
    });

    const pastReview = await ctx.http.as(admin).patch(`/competitions/${competition.id}`, {
      submissionDeadline: new Date(Date.parse(competition.reviewDeadline) + DAY).toISOString(),
    });
    expect(pastReview.status).toBe(400);
  });

  it('refuses to publish a competition whose deadline has passed', async () => {
    const now = Date.now();
    const stale = await createCompetition(ctx.http, admin, {
      submissionOpensAt: new Date(now - 3 * DAY).toISOString(),
      submissionDeadline: new Date(now - DAY).toISOString(),
    });
    const res = await ctx.http.as(admin).post(`/competitions/${stale.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('DEADLINE_PASSED');
  });

  it('cancels an open competition: drafts and submitted applications are withdrawn and their applicants told', async () => {
    const competition = await createOpenCompetition(ctx.http, admin);
    const a = await registerNgo(ctx.http);
    const b = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, a, competition.id);
    const submitted = await submitApplication(
      ctx.http,
      b,
      (await createDraftApplication(ctx.http, b, competition.id)).id,
    );

    const noReason = await ctx.http.as(admin).post(`/competitions/${competition.id}/cancel`, {});
    expect(noReason.status).toBe(400);
    const res = await ctx.http
      .as(admin)
      .post(`/competitions/${competition.id}/cancel`, { reason: 'Решение учредителя' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Решение учредителя' });

    for (const [ngo, app] of [
      [a, draft],
      [b, submitted],
    ] as const) {
      const after = await ctx.http.as(ngo).get(`/applications/${app.id}`);
      expect(after.body.status).toBe('withdrawn');
      const events = await ctx.http.as(ngo).get(`/applications/${app.id}/events`);
      expect(events.body.items.at(-1)).toMatchObject({ to: 'withdrawn', actorRole: 'system' });
      expect(events.body.items.at(-1).reason).toContain('Решение учредителя');
    }
    const rows = await db.query(
      `SELECT user_id, payload FROM notifications WHERE template = 'competition.cancelled' AND payload->>'competitionId' = $1 ORDER BY user_id`,
      [competition.id],
    );
    expect(rows.map((r: { user_id: string }) => r.user_id).sort()).toEqual([a.user.id, b.user.id].sort());
    expect(rows[0].payload.reason).toBe('Решение учредителя');

    const twice = await ctx.http.as(admin).post(`/competitions/${competition.id}/cancel`, { reason: 'ещё раз' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INVALID_TRANSITION');
    const newApp = await ctx.http.as(a).post(`/competitions/${competition.id}/applications`, { title: 'Поздно' });
    expect(newApp.status).toBe(422);
    expect(newApp.body.code).toBe('COMPETITION_NOT_OPEN');
  });

  it('closes submission on demand: open → review, submitted → under_review, drafts → not_submitted', async () => {
    const competition = await createOpenCompetition(ctx.http, admin);
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const submitted = await submitApplication(
      ctx.http,
      ngo,
      (await createDraftApplication(ctx.http, ngo, competition.id)).id,
    );
    const draftCompetition = await createCompetition(ctx.http, admin);
    const notOpen = await ctx.http.as(admin).post(`/competitions/${draftCompetition.id}/close`);
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.code).toBe('INVALID_TRANSITION');

    const res = await ctx.http.as(admin).post(`/competitions/${competition.id}/close`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('review');
    expect((await ctx.http.as(ngo).get(`/applications/${submitted.id}`)).body.status).toBe('under_review');
    expect((await ctx.http.as(ngo).get(`/applications/${draft.id}`)).body.status).toBe('not_submitted');
    const withdraw = await ctx.http.as(ngo).post(`/applications/${submitted.id}/withdraw`);
    expect(withdraw.status).toBe(422);
    expect(withdraw.body.code).toBe('DEADLINE_PASSED');
    const audit = await ctx.http.as(admin).get('/audit?pageSize=100');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'competition.close', target: `competition:${competition.id}` }),
    );
    const late = await ctx.http.as(ngo).post(`/competitions/${competition.id}/applications`, { title: 'Поздно' });
    expect(late.body.code).toBe('COMPETITION_NOT_OPEN');
    const cancel = await ctx.http.as(admin).post(`/competitions/${competition.id}/cancel`, { reason: 'поздно' });
    expect(cancel.body.code).toBe('INVALID_TRANSITION');
    const extend = await ctx.http.as(admin).patch(`/competitions/${competition.id}`, {
      submissionDeadline: new Date(Date.parse(competition.submissionDeadline) + DAY).toISOString(),
    });
    expect(extend.status).toBe(409);
    expect(extend.body.code).toBe('NOT_EDITABLE');
  });

  it('archives a competition only once its results are announced; its results stay public', async () => {
    const competition = await createOpenCompetition(ctx.http, admin);
    const early = await ctx.http.as(admin).post(`/competitions/${competition.id}/archive`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_TRANSITION');

    await db.query(
      `UPDATE competitions SET status = 'results_announced', announced_at = now(),
         submission_deadline = now() - interval '1 day', submission_opens_at = now() - interval '2 days'
       WHERE id = $1`,
      [competition.id],
    );
    const res = await ctx.http.as(admin).post(`/competitions/${competition.id}/archive`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('archived');
    expect((await ctx.http.get(`/competitions/${competition.id}/results`)).status).toBe(200);
    expect((await ctx.http.as(admin).post(`/competitions/${competition.id}/archive`)).body.code).toBe(
      'INVALID_TRANSITION',
    );
    const audit = await ctx.http.as(admin).get('/audit?pageSize=100');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'competition.archive', target: `competition:${competition.id}` }),
    );
  });

  it('answers a bad id with 400 and an unknown one with 404', async () => {
    expect((await ctx.http.get('/competitions/not-a-uuid')).status).toBe(400);
    expect((await ctx.http.get('/competitions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ctx.http.as(admin).post('/competitions/00000000-0000-4000-8000-000000000000/publish')).status).toBe(
      404,
    );
  });
});
