import { DataSource } from 'typeorm';
import {
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  loginAdmin,
  registerNgo,
  Session,
  submitApplication,
  TestContext,
} from '@grants/testing';

describe('Resource Center consultations: draft → consultation → submit', () => {
  let ctx: TestContext;
  let admin: Session;
  let db: DataSource;
  let consultantA: Session;
  let consultantB: Session;
  let competition: { id: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    db = ctx.api.get(DataSource);
    consultantA = await createStaff(ctx.http, admin, 'consultant');
    consultantB = await createStaff(ctx.http, admin, 'consultant');
    competition = await createOpenCompetition(ctx.http, admin);
  });
  afterAll(() => ctx.close());

  it('walks the whole story: ask, first consultant wins, remarks, second round, assisted, submit', async () => {
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id, {
      budgetLines: [{ item: 'Всё', amount: '150000.00' }],
    });

    // a consultant sees nothing of the application before the NGO asks
    expect((await ctx.http.as(consultantA).get(`/applications/${draft.id}`)).status).toBe(404);

    const asked = await ctx.http
      .as(ngo)
      .post(`/applications/${draft.id}/consultations`, { question: 'Верно ли составлен бюджет?' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      status: 'requested',
      applicationId: draft.id,
      consultantId: null,
      question: 'Верно ли составлен бюджет?',
    });
    const requestedMails = await db.query(
      `SELECT user_id, payload FROM notifications WHERE template = 'consultation.requested' AND payload->>'consultationId' = $1`,
      [asked.body.id],
    );
    expect(requestedMails.map((m: { user_id: string }) => m.user_id).sort()).toEqual(
      [consultantA.user.id, consultantB.user.id].sort(),
    );
    expect(requestedMails[0].payload).toMatchObject({
      applicationId: draft.id,
      question: 'Верно ли составлен бюджет?',
    });

    const queue = await ctx.http.as(consultantB).get('/consultations?status=requested');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(asked.body.id);
    // the queue names the project and the organization, and filters by competition
    const line = queue.body.items.find((c: { id: string }) => c.id === asked.body.id);
    const [org] = await db.query(`SELECT coalesce(short_name, full_name) AS name FROM organizations WHERE id = $1`, [
      draft.organizationId,
    ]);
    expect(line).toMatchObject({
      competitionId: competition.id,
      applicationTitle: draft.title,
      organizationName: org.name,
    });
    const elsewhere = await createOpenCompetition(ctx.http, admin);
    expect(
      (await ctx.http.as(consultantB).get(`/consultations?competitionId=${competition.id}`)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toContain(asked.body.id);
    expect((await ctx.http.as(consultantB).get(`/consultations?competitionId=${elsewhere.id}`)).body.total).toBe(0);
    expect((await ctx.http.as(consultantB).get('/consultations?competitionId=nope')).status).toBe(400);
    expect((await ctx.http.as(consultantB).get(`/applications/${draft.id}`)).status).toBe(200);

    const [first, second] = await Promise.all([
      ctx.http.as(consultantA).post(`/consultations/${asked.body.id}/take`),
      ctx.http.as(consultantB).post(`/consultations/${asked.body.id}/take`),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? [consultantA, consultantB] : [consultantB, consultantA];
    const lost = first.status === 200 ? second : first;
    expect(lost.body.code).toBe('ALREADY_TAKEN');
    const late = await ctx.http.as(loser).post(`/consultations/${asked.body.id}/take`);
    expect(late.body.code).toBe('ALREADY_TAKEN');
    const foreignComplete = await ctx.http
      .as(loser)
      .post(`/consultations/${asked.body.id}/complete`, { comment: 'x', verdict: 'ready' });
    expect(foreignComplete.status).toBe(409);
    expect(foreignComplete.body.code).toBe('ALREADY_TAKEN');

    const badRemark = await ctx.http.as(winner).post(`/consultations/${asked.body.id}/complete`, {
      comment: 'x',
      verdict: 'maybe',
      remarks: [{ field: 'password', text: 'x' }],
    });
    expect(badRemark.status).toBe(400);
    expect(JSON.stringify(badRemark.body.message)).toContain('verdict');
    expect(JSON.stringify(badRemark.body.message)).toContain('field');

    const done = await ctx.http.as(winner).post(`/consultations/${asked.body.id}/complete`, {
      comment: 'Бюджет не сходится с запрошенной суммой',
      verdict: 'needs_changes',
      remarks: [{ field: 'budgetLines', text: 'Сумма статей 150000.00 вместо 200000.00' }],
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', verdict: 'needs_changes', consultantId: winner.user.id });
    expect(done.body.completedAt).toEqual(expect.any(String));
    const again = await ctx.http
      .as(winner)
      .post(`/consultations/${asked.body.id}/complete`, { comment: 'x', verdict: 'ready' });
    expect(again.body.code).toBe('INVALID_TRANSITION');

    // the applicant reads the remarks and receives the mail; the application is now assisted
    const mine = await ctx.http.as(ngo).get('/consultations');
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id: asked.body.id,
        remarks: [{ field: 'budgetLines', text: 'Сумма статей 150000.00 вместо 200000.00' }],
      }),
    ]);
    const [mail] = await db.query(
      `SELECT user_id, payload FROM notifications WHERE template = 'consultation.completed'`,
    );
    expect(mail.user_id).toBe(ngo.user.id);
    expect(mail.payload).toMatchObject({
      verdict: 'needs_changes',
      consultationId: asked.body.id,
      remarks: done.body.remarks,
    });
    expect((await ctx.http.as(ngo).get(`/applications/${draft.id}`)).body.consultantAssisted).toBe(true);

    // second round
    await ctx.http.as(ngo).patch(`/applications/${draft.id}`, { budgetLines: [{ item: 'Всё', amount: '200000.00' }] });
    const round2 = await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: 'А теперь?' });
    expect(round2.status).toBe(201);
    await ctx.http.as(loser).post(`/consultations/${round2.body.id}/take`);
    const ready = await ctx.http
      .as(loser)
      .post(`/consultations/${round2.body.id}/complete`, { comment: 'Готово к подаче', verdict: 'ready' });
    expect(ready.body).toMatchObject({ status: 'completed', verdict: 'ready', remarks: [] });

    const submitted = await submitApplication(ctx.http, ngo, draft.id);
    expect(submitted).toMatchObject({ status: 'submitted', consultantAssisted: true });
    const afterSubmit = await ctx.http
      .as(ngo)
      .post(`/applications/${draft.id}/consultations`, { question: 'Ещё вопрос' });
    expect(afterSubmit.status).toBe(409);
    expect(afterSubmit.body.code).toBe('NOT_EDITABLE');
    const completed = await ctx.http.as(admin).get(`/consultations?status=completed&applicationId=${draft.id}`);
    expect(completed.body.total).toBe(2);
  });

  it('refuses a consultation when the competition no longer accepts submissions', async () => {
    const local = await createOpenCompetition(ctx.http, admin);
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, local.id);
    await db.query(
      `UPDATE competitions SET submission_deadline = clock_timestamp() - interval '1 millisecond' WHERE id = $1`,
      [local.id],
    );
    const res = await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: 'Успеем?' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('COMPETITION_NOT_OPEN');
  });

  it('keeps consultations away from experts and other NGOs', async () => {
    const expert = await createStaff(ctx.http, admin, 'expert');
    const ngo = await registerNgo(ctx.http);
    const other = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    expect(
      (await ctx.http.as(other).post(`/applications/${draft.id}/consultations`, { question: 'Чужая?' })).status,
    ).toBe(404);
    const asked = await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: 'Вопрос' });
    expect((await ctx.http.as(expert).get('/consultations')).status).toBe(403);
    expect((await ctx.http.as(expert).post(`/consultations/${asked.body.id}/take`)).status).toBe(403);
    const foreignList = await ctx.http.as(other).get('/consultations');
    expect(foreignList.body.items.map((c: { id: string }) => c.id)).not.toContain(asked.body.id);
    expect((await ctx.http.as(ngo).post(`/consultations/${asked.body.id}/take`)).status).toBe(403);
    expect(
      (await ctx.http.as(consultantA).post('/consultations/00000000-0000-4000-8000-000000000000/take')).status,
    ).toBe(404);
    expect((await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: '' })).status).toBe(400);
  });
});
