import { DataSource } from 'typeorm';
import { JobQueue, QueueName } from '@grants/queue';
import {
  announceAwards,
  createAwardRound,
  createStaff,
  createTestContext,
  fixtures,
  loginAdmin,
  multipart,
  markConsultantAssisted,
  registerNgo,
  ReviewRound,
  Session,
  TestContext,
} from '@grants/testing';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('Grants after the award: agreement, reports, review and the public project card', () => {
  let ctx: TestContext;
  let db: DataSource;
  let admin: Session;
  let consultant: Session;
  let expert: Session;
  let round: ReviewRound;
  let grants: Map<string, string>;
  let winner: ReviewRound['applications'][number];
  let grantId: string;

  const as = (s: Session) => ctx.http.as(s);
  const report = (code: string, suffix = '') => `/grants/${grantId}/reports/${code}${suffix}`;
  const mails = (template: string, where: { userId?: string } = {}) =>
    db.query(
      `SELECT user_id, payload FROM notifications WHERE template = $1 AND payload->>'grantId' = $2
         AND ($3::uuid IS NULL OR user_id = $3) ORDER BY created_at, id`,
      [template, grantId, where.userId ?? null],
    ) as Promise<Array<{ user_id: string; payload: Record<string, any> }>>;
  const filled = (overrides: { spent?: string[]; narrative?: string } = {}) => ({
    narrative: overrides.narrative ?? 'Набрали и обучили волонтёров, провели мероприятия во дворах.',
    results: [
      { indicator: 'Число вовлечённых волонтёров', target: '120 человек', achieved: '134 человека' },
      { indicator: 'Проведено мероприятий', target: '10', achieved: '8' },
    ],
    expenditures: [
      { item: 'Оплата труда координатора', planned: '60000.00', spent: overrides.spent?.[0] ?? '61000.00' },
      { item: 'Аренда помещения', planned: '40000.00', spent: overrides.spent?.[1] ?? '30000.00' },
    ],
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    consultant = await createStaff(ctx.http, admin, 'consultant');
    expert = await createStaff(ctx.http, admin, 'expert');
    round = await createAwardRound(ctx);
    winner = round.applications[0];
    await markConsultantAssisted(ctx, winner, consultant.user.id);
  });
  afterAll(() => ctx.close());

  it('validates the report schedule against the project period and keeps it editable until the announcement', async () => {
    const path = `/competitions/${round.competitionId}`;
    const early = await as(admin).patch(path, {
      reportSchedule: [{ code: 'interim', title: 'Промежуточный отчёт', dueDate: day(-30) }],
    });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual([expect.stringMatching(/^reportSchedule\.0\.dueDate must be after/)]);
    const late = await as(admin).patch(path, {
      reportSchedule: [{ code: 'final', title: 'Итоговый отчёт', dueDate: day(3 * 365) }],
    });
    expect(late.status).toBe(400);
    expect(late.body.message).toEqual([expect.stringMatching(/^reportSchedule\.0\.dueDate must be no later than/)]);
    const duplicate = await as(admin).patch(path, {
      reportSchedule: [
        { code: 'interim', title: 'А', dueDate: day(30) },
        { code: 'interim', title: 'Б', dueDate: day(60) },
      ],
    });
    expect(duplicate.status).toBe(400);

    const ok = await as(admin).patch(path, {
      reportSchedule: [
        { code: 'interim', title: 'Промежуточный отчёт', titleEn: 'Interim report', dueDate: day(30) },
        { code: 'final', title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: day(60) },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.reportSchedule).toEqual([
      { code: 'interim', title: 'Промежуточный отчёт', titleEn: 'Interim report', dueDate: day(30) },
      { code: 'final', title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: day(60) },
    ]);
  });

  it('a new competition gets the default schedule: interim and final within the project period', async () => {
    const res = await as(admin).post('/competitions', {
      title: 'Конкурс с отчётами',
      year: 2031,
      submissionOpensAt: '2031-01-10T00:00:00Z',
      submissionDeadline: '2031-02-28T16:59:59Z',
      reviewDeadline: '2031-03-31T16:59:59Z',
      totalBudget: '1000000.00',
      maxGrantAmount: '300000.00',
      directions: [{ code: 'social', title: 'Социальная поддержка' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.reportSchedule).toEqual([
      { code: 'interim', title: 'Промежуточный отчёт', titleEn: 'Interim report', dueDate: '2031-08-28' },
      { code: 'final', title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: '2032-02-28' },
    ]);
  });

  it('the announcement creates one grant per award and none for refusals', async () => {
    grants = await announceAwards(ctx, admin, round, [round.applications[0].id, round.applications[1].id]);
    expect([...grants.keys()].sort()).toEqual([round.applications[0].id, round.applications[1].id].sort());
    grantId = grants.get(winner.id)!;

    const list = await as(admin).get(`/grants?competitionId=${round.competitionId}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    const grant = await as(winner.applicant).get(`/grants/${grantId}`);
    expect(grant.status).toBe(200);
    expect(grant.body).toMatchObject({
      id: grantId,
      applicationId: winner.id,
      competitionId: round.competitionId,
      organizationId: winner.organizationId,
      registrationNumber: winner.registrationNumber,
      amount: '100000.00',
      coFinancingAmount: '20000.00',
      status: 'awaiting_agreement',
      agreementNumber: null,
      agreementDate: null,
      reports: [
        {
          code: 'interim',
          title: 'Промежуточный отчёт',
          titleEn: 'Interim report',
          dueDate: day(30),
          status: 'pending',
        },
        { code: 'final', title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: day(60), status: 'pending' },
      ],
    });
    // The public results link each winner to its project card.
    const results = await ctx.http.anonymous().get(`/competitions/${round.competitionId}/results`);
    expect(results.body.items.find((i: { applicationId: string }) => i.applicationId === winner.id).grantId).toBe(
      grantId,
    );
    const refused = round.applications[2].applicant;
    expect((await as(refused).get('/grants')).body).toMatchObject({ items: [], total: 0 });
    // The schedule is fixed once results are announced.
    const patch = await as(admin).patch(`/competitions/${round.competitionId}`, {
      reportSchedule: [{ code: 'final', title: 'Итоговый отчёт', dueDate: day(90) }],
    });
    expect(patch.status).toBe(409);
    const events = await db.query(`SELECT from_status, to_status, actor_role FROM grant_events WHERE grant_id = $1`, [
      grantId,
    ]);
    expect(events).toEqual([{ from_status: null, to_status: 'awaiting_agreement', actor_role: 'admin' }]);
  });

  it('keeps grants in scope: another NGO gets 404, an expert 403, anonymous 401', async () => {
    const other = await registerNgo(ctx.http);
    expect((await as(other).get(`/grants/${grantId}`)).status).toBe(404);
    expect((await as(other).get(report('interim'))).status).toBe(404);
    expect((await as(other).put(report('interim'), { narrative: 'Чужой отчёт' })).status).toBe(404);
    expect((await as(other).get('/grants')).body.total).toBe(0);
    expect((await as(expert).get(`/grants/${grantId}`)).status).toBe(403);
    expect((await ctx.http.anonymous().get(`/grants/${grantId}`)).status).toBe(401);
    expect((await as(winner.applicant).get(report('nope'))).status).toBe(404);
    expect((await as(winner.applicant).get(report('Not A Code'))).status).toBe(400);
  });

  it('a report starts from the expected results and budget lines; drafting is possible before the agreement, submitting is not', async () => {
    const start = await as(winner.applicant).get(report('interim'));
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({
      status: 'pending',
      narrative: null,
      results: [
        { indicator: 'Число вовлечённых волонтёров', target: '120 человек', achieved: null },
        { indicator: 'Проведено мероприятий', target: '10', achieved: null },
      ],
      expenditures: [
        { item: 'Оплата труда координатора', planned: '60000.00', spent: null },
        { item: 'Аренда помещения', planned: '40000.00', spent: null },
      ],
      plannedTotal: '100000.00',
      spentTotal: '0.00',
      spendingLimit: '120000.00',
    });
    const draft = await as(winner.applicant).put(report('interim'), { narrative: 'Начали набор волонтёров' });
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    const early = await as(winner.applicant).post(report('interim', '/submit'));
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('INVALID_TRANSITION');
  });

  it('the admin records the agreement: the grant is active, the NGO is told, the reminders are planned', async () => {
    expect(
      (await as(consultant).post(`/grants/${grantId}/agreement`, { agreementNumber: '1', agreementDate: day(0) }))
        .status,
    ).toBe(403);
    const bad = await as(admin).post(`/grants/${grantId}/agreement`, {
      agreementNumber: '',
      agreementDate: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([expect.stringContaining('agreementNumber'), expect.stringContaining('agreementDate')]),
    );

    const res = await as(admin).post(`/grants/${grantId}/agreement`, {
      agreementNumber: '17-ГП/2026',
      agreementDate: day(0),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', agreementNumber: '17-ГП/2026', agreementDate: day(0) });
    const again = await as(admin).post(`/grants/${grantId}/agreement`, {
      agreementNumber: '18',
      agreementDate: day(0),
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');

    const told = await mails('grant.agreement_recorded');
    expect(told.map((m) => m.user_id)).toEqual([winner.applicant.user.id]);
    expect(told[0].payload).toMatchObject({ agreementNumber: '17-ГП/2026', amount: '100000.00' });
    expect(told[0].payload.reports).toHaveLength(2);
    const [audit] = await db.query(`SELECT action, actor_id FROM audit_log WHERE target = $1`, [`grant:${grantId}`]);
    expect(audit).toEqual({ action: 'grant.agreement', actor_id: admin.user.id });

    const queue = ctx.api.get(JobQueue).queue(QueueName.Deadlines);
    const [interim] = await db.query(`SELECT id FROM grant_reports WHERE grant_id = $1 AND code = 'interim'`, [
      grantId,
    ]);
    const planned = (await queue.getRanges(['delayed'], 0, -1)).filter((id) => id.includes(interim.id)).sort();
    expect(planned).toEqual([
      `report.overdue_${interim.id}_${day(30)}_0`,
      `report.reminder_${interim.id}_${day(30)}_1`,
      `report.reminder_${interim.id}_${day(30)}_7`,
    ]);
  });

  it('interim report: drafted, refused while incomplete or over budget, submitted, returned with a comment, resubmitted, accepted', async () => {
    const partial = await as(winner.applicant).put(report('interim'), {
      results: filled().results.map((r, i) => (i === 1 ? { ...r, achieved: null } : r)),
    });
    expect(partial.status).toBe(200);
    const incomplete = await as(winner.applicant).post(report('interim', '/submit'));
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('INCOMPLETE');
    expect(incomplete.body.details.missing).toEqual([
      'results.1.achieved',
      'expenditures.0.spent',
      'expenditures.1.spent',
    ]);

    // Indicators and targets come from the application and cannot be rewritten.
    const rewritten = await as(winner.applicant).put(report('interim'), {
      results: filled().results.map((r) => ({ ...r, target: '1' })),
    });
    expect(rewritten.status).toBe(400);
    expect(rewritten.body.message).toEqual(['results.0.target must be "120 человек"', 'results.1.target must be "10"']);

    // 70 000 + 60 000 is above the grant plus co-financing (120 000): refused. Above a line's plan alone is fine.
    expect((await as(winner.applicant).put(report('interim'), filled({ spent: ['70000', '60000'] }))).status).toBe(200);
    const over = await as(winner.applicant).post(report('interim', '/submit'));
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({
      code: 'BUDGET_MISMATCH',
      details: { spentTotal: '130000.00', limit: '120000.00' },
    });

    const saved = await as(winner.applicant).put(report('interim'), filled());
    expect(saved.body).toMatchObject({ status: 'draft', spentTotal: '91000.00' });
    const submitted = await as(winner.applicant).post(report('interim', '/submit'));
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    expect((await as(winner.applicant).put(report('interim'), filled())).body.code).toBe('NOT_EDITABLE');
    expect((await as(winner.applicant).post(report('interim', '/submit'))).status).toBe(409);

    const staffTold = await mails('report.submitted');
    expect(staffTold.map((m) => m.user_id).sort()).toEqual([admin.user.id, consultant.user.id].sort());
    expect(staffTold[0].payload).toMatchObject({ reportCode: 'interim', resubmitted: false });

    expect((await as(winner.applicant).post(report('interim', '/return'), { comment: 'x' })).status).toBe(403);
    expect((await as(consultant).post(report('interim', '/return'), {})).status).toBe(400);
    const returned = await as(consultant).post(report('interim', '/return'), {
      comment: 'Приложите акты по статье «Аренда»',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Приложите акты по статье «Аренда»' });
    const back = await mails('report.returned');
    expect(back.map((m) => m.user_id)).toEqual([winner.applicant.user.id]);
    expect(back[0].payload.comment).toBe('Приложите акты по статье «Аренда»');

    const fixed = await as(winner.applicant).put(
      report('interim'),
      filled({ narrative: 'Акты приложены; аренда оплачена.' }),
    );
    expect(fixed.body.status).toBe('draft');
    const resubmitted = await as(winner.applicant).post(report('interim', '/submit'));
    expect(resubmitted.body.status).toBe('submitted');
    expect((await mails('report.submitted')).filter((m) => m.payload.resubmitted)).toHaveLength(2);

    const accepted = await as(admin).post(report('interim', '/accept'), { comment: 'Принято' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
    expect((await as(admin).post(report('interim', '/accept'), {})).status).toBe(409);
    const grant = await as(winner.applicant).get(`/grants/${grantId}`);
    expect(grant.body.status).toBe('active');
    expect((await mails('report.accepted'))[0].payload).toMatchObject({ grantCompleted: false, comment: 'Принято' });

    const history = await db.query(
      `SELECT from_status, to_status, actor_role, comment FROM grant_events WHERE grant_id = $1 AND report_code = 'interim' ORDER BY id`,
      [grantId],
    );
    expect(history.map((h: any) => `${h.from_status}>${h.to_status}:${h.actor_role}`)).toEqual([
      'pending>draft:applicant',
      'draft>submitted:applicant',
      'submitted>returned:consultant',
      'returned>draft:applicant',
      'draft>submitted:applicant',
      'submitted>accepted:admin',
    ]);
    expect(history[2].comment).toBe('Приложите акты по статье «Аренда»');
  });

  it('report documents: checked by content like application documents, frozen once the report is submitted', async () => {
    const upload = (who: Session, code: string, fileName: string, content: Buffer) =>
      ctx.http.as(who).upload(report(code, '/documents'), multipart([{ name: 'file', file: { fileName, content } }]));
    const added = await upload(winner.applicant, 'final', 'Акты выполненных работ.pdf', fixtures.pdf());
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fileName: 'Акты выполненных работ.pdf', contentType: 'application/pdf' });
    expect(added.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const fake = await upload(winner.applicant, 'final', 'отчёт.pdf', Buffer.from('<html><script>alert(1)</script>'));
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    const other = await registerNgo(ctx.http);
    expect((await upload(other, 'final', 'a.pdf', fixtures.pdf())).status).toBe(404);
    // The accepted interim report's documents are frozen.
    expect((await upload(winner.applicant, 'interim', 'a.pdf', fixtures.pdf())).body.code).toBe('NOT_EDITABLE');

    const listed = await as(consultant).get(report('final'));
    expect(listed.body.documents).toEqual([added.body]);
    const file = await as(consultant).get(report('final', `/documents/${added.body.id}`));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers.etag).toBe(`"${added.body.sha256}"`);
    expect((await as(other).get(report('final', `/documents/${added.body.id}`))).status).toBe(404);
    expect((await as(winner.applicant).get(report('interim', `/documents/${added.body.id}`))).status).toBe(404);

    const extra = await upload(winner.applicant, 'final', 'лишний.pdf', fixtures.pdf());
    expect((await as(winner.applicant).delete(report('final', `/documents/${extra.body.id}`))).status).toBe(204);
    expect((await as(winner.applicant).get(report('final'))).body.documents).toHaveLength(1);
  });

  it('the public card shows the project, and the achieved results only once the final report is accepted', async () => {
    const before = await ctx.http.anonymous().get(`/public/grants/${grantId}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      id: grantId,
      registrationNumber: winner.registrationNumber,
      amount: '100000.00',
      status: 'active',
      agreementDate: day(0),
      results: null,
    });
    expect(before.body.inn).toMatch(/^\d{10}$/);
    expect(before.body).not.toHaveProperty('agreementNumber');

    await as(winner.applicant).put(report('final'), filled({ spent: ['62000.00', '40000.00'] }));
    expect((await as(winner.applicant).post(report('final', '/submit'))).status).toBe(200);
    const accepted = await as(consultant).post(report('final', '/accept'), {});
    expect(accepted.status).toBe(200);

    const grant = await as(admin).get(`/grants/${grantId}`);
    expect(grant.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect((await mails('report.accepted')).filter((m) => m.payload.grantCompleted)).toHaveLength(1);
    const card = await ctx.http.anonymous().get(`/public/grants/${grantId}`);
    expect(card.body).toMatchObject({
      status: 'completed',
      results: [
        { indicator: 'Число вовлечённых волонтёров', target: '120 человек', achieved: '134 человека' },
        { indicator: 'Проведено мероприятий', target: '10', achieved: '8' },
      ],
    });
    // A completed grant's reports are closed, their documents too.
    expect((await as(winner.applicant).put(report('final'), filled())).status).toBe(409);
    const [doc] = (await as(winner.applicant).get(report('final'))).body.documents;
    expect((await as(winner.applicant).delete(report('final', `/documents/${doc.id}`))).status).toBe(409);
    expect((await ctx.http.anonymous().get(`/public/grants/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const lifecycle = await db.query(
      `SELECT from_status, to_status FROM grant_events WHERE grant_id = $1 AND report_code IS NULL ORDER BY id`,
      [grantId],
    );
    expect(lifecycle).toEqual([
      { from_status: null, to_status: 'awaiting_agreement' },
      { from_status: 'awaiting_agreement', to_status: 'active' },
      { from_status: 'active', to_status: 'completed' },
    ]);
  });

  it('the admin terminates a grant with a reason; it then takes no agreement', async () => {
    const second = grants.get(round.applications[1].id)!;
    expect((await as(admin).post(`/grants/${second}/terminate`, {})).status).toBe(400);
    const res = await as(admin).post(`/grants/${second}/terminate`, { reason: 'Организация отказалась от гранта' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'terminated', terminationReason: 'Организация отказалась от гранта' });
    expect(
      (await as(admin).post(`/grants/${second}/agreement`, { agreementNumber: '2', agreementDate: day(0) })).body.code,
    ).toBe('INVALID_TRANSITION');
    expect((await as(admin).post(`/grants/${second}/terminate`, { reason: 'again' })).status).toBe(409);
    expect((await as(admin).post(`/grants/${grantId}/terminate`, { reason: 'completed' })).status).toBe(409);
    const filtered = await as(consultant).get(`/grants?status=terminated&competitionId=${round.competitionId}`);
    expect(filtered.body.items.map((g: { id: string }) => g.id)).toEqual([second]);
  });
});
