import { DataSource } from 'typeorm';
import {
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  documentUpload,
  fixtures,
  loginAdmin,
  registerNgo,
  Session,
  TestContext,
} from '@grants/testing';

interface Checklist {
  ready: boolean;
  items: Array<{ code: string; ok: boolean; fields: string[]; message: string }>;
}

const ORDER = [
  'NOT_EDITABLE',
  'NOT_OPEN_YET',
  'DEADLINE_PASSED',
  'INCOMPLETE',
  'AMOUNT_EXCEEDS_MAX',
  'COFINANCING_TOO_LOW',
  'BUDGET_MISMATCH',
  'PROJECT_DATES_INVALID',
  'DOCUMENTS_MISSING',
];

describe('Helpers for the portal: the live submit checklist and one consultation', () => {
  let ctx: TestContext;
  let admin: Session;
  let db: DataSource;
  let consultant: Session;
  let competition: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    db = ctx.api.get(DataSource);
    consultant = await createStaff(ctx.http, admin, 'consultant', { fullName: 'Ольга Петровна Консультант' });
    // The competition's defaults: the charter is a required document.
    competition = await createOpenCompetition(ctx.http, admin, { documentTypes: undefined });
  });
  afterAll(() => ctx.close());

  const checklist = async (who: Session, id: string): Promise<Checklist> => {
    const res = await ctx.http.as(who).get(`/applications/${id}/checklist`);
    expect(res.status).toBe(200);
    return res.body as Checklist;
  };
  const failed = (c: Checklist) => c.items.filter((i) => !i.ok).map((i) => i.code);
  const submitCode = async (ngo: Session, id: string) => {
    const res = await ctx.http.as(ngo).post(`/applications/${id}/submit`);
    return res.status === 200 ? 'OK' : (res.body.code as string);
  };

  it('lists every submit rule in order, turns green as the draft is filled, and agrees with submit', async () => {
    const ngo = await registerNgo(ctx.http);
    const created = await ctx.http.as(ngo).post(`/competitions/${competition.id}/applications`, { title: 'Проект' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    let list = await checklist(ngo, id);
    expect(list.items.map((i) => i.code)).toEqual(ORDER);
    expect(list.ready).toBe(false);
    expect(failed(list)).toEqual([
      'INCOMPLETE',
      'AMOUNT_EXCEEDS_MAX',
      'COFINANCING_TOO_LOW',
      'BUDGET_MISMATCH',
      'PROJECT_DATES_INVALID',
      'DOCUMENTS_MISSING',
    ]);
    expect(list.items.find((i) => i.code === 'DOCUMENTS_MISSING')).toMatchObject({
      fields: ['documents'],
      message: expect.stringContaining('charter'),
    });
    const incomplete = list.items.find((i) => i.code === 'INCOMPLETE')!;
    expect(incomplete.fields).toEqual(expect.arrayContaining(['summary', 'requestedAmount', 'budgetLines']));
    expect(incomplete.fields).not.toContain('title');
    expect(incomplete.message).toMatch(/Не заполнены обязательные поля/);
    expect(await submitCode(ngo, id)).toBe('INCOMPLETE');

    // Everything filled, but too much asked and the budget off by a kopeck.
    const year = new Date().getUTCFullYear() + 1;
    await ctx.http.as(ngo).patch(`/applications/${id}`, {
      summary: 'Кратко',
      direction: 'social',
      requestedAmount: '900000.00',
      coFinancingAmount: '100000.00',
      projectStart: `${year}-02-01`,
      projectEnd: `${year}-11-30`,
      goals: 'Цели',
      expectedResults: [{ indicator: 'Участники', target: '100' }],
      budgetLines: [{ item: 'Труд', amount: '899999.99' }],
      geography: 'г. Лесосибирск',
    });
    list = await checklist(ngo, id);
    expect(failed(list)).toEqual(['AMOUNT_EXCEEDS_MAX', 'BUDGET_MISMATCH', 'DOCUMENTS_MISSING']);
    expect(list.items.find((i) => i.code === 'AMOUNT_EXCEEDS_MAX')).toMatchObject({
      fields: ['requestedAmount'],
      message: expect.stringContaining('максимальный размер гранта'),
    });
    expect(await submitCode(ngo, id)).toBe('AMOUNT_EXCEEDS_MAX');

    await ctx.http.as(ngo).patch(`/applications/${id}`, {
      requestedAmount: '200000.00',
      coFinancingAmount: '10000.00',
      budgetLines: [{ item: 'Труд', amount: '200000.00' }],
    });
    list = await checklist(ngo, id);
    expect(failed(list)).toEqual(['COFINANCING_TOO_LOW', 'DOCUMENTS_MISSING']);
    expect(await submitCode(ngo, id)).toBe('COFINANCING_TOO_LOW');

    await ctx.http.as(ngo).patch(`/applications/${id}`, { coFinancingAmount: '50000.00', projectEnd: `${year}-01-01` });
    list = await checklist(ngo, id);
    expect(failed(list)).toEqual(['PROJECT_DATES_INVALID', 'DOCUMENTS_MISSING']);
    expect(list.items.find((i) => i.code === 'PROJECT_DATES_INVALID')!.fields).toEqual(['projectEnd']);
    expect(await submitCode(ngo, id)).toBe('PROJECT_DATES_INVALID');

    await ctx.http.as(ngo).patch(`/applications/${id}`, { projectEnd: `${year}-11-30` });
    list = await checklist(ngo, id);
    expect(failed(list)).toEqual(['DOCUMENTS_MISSING']);
    expect(list.ready).toBe(false);
    expect(await submitCode(ngo, id)).toBe('DOCUMENTS_MISSING');

    const uploaded = await ctx.http
      .as(ngo)
      .upload(`/applications/${id}/documents`, documentUpload('charter', 'Устав.pdf', fixtures.pdf()));
    expect(uploaded.status).toBe(201);
    list = await checklist(ngo, id);
    expect(failed(list)).toEqual([]);
    expect(list.ready).toBe(true);
    expect(list.items.every((i) => i.ok && i.message.length > 0)).toBe(true);
    expect(await submitCode(ngo, id)).toBe('OK');

    list = await checklist(ngo, id);
    expect(failed(list)).toEqual(['NOT_EDITABLE']);
    expect(list.ready).toBe(false);
  });

  it('fails the deadline rule once the deadline passed, exactly when submit does', async () => {
    const late = await createOpenCompetition(ctx.http, admin);
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, late.id);
    await db.query(`UPDATE competitions SET submission_deadline = now() - interval '1 minute' WHERE id = $1`, [
      late.id,
    ]);
    const list = await checklist(ngo, draft.id);
    expect(list.ready).toBe(false);
    expect(list.items.find((i) => i.code === 'DEADLINE_PASSED')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Срок подачи заявок истёк/),
    });
    expect(failed(list)[0]).toBe('DEADLINE_PASSED');
    expect(await submitCode(ngo, draft.id)).toBe('DEADLINE_PASSED');
  });

  it("gives each of the applicant's own drafts its checklist in the list on request, the same as the checklist's own answer", async () => {
    const ngo = await registerNgo(ctx.http);
    const other = await registerNgo(ctx.http);
    const second = await createOpenCompetition(ctx.http, admin, { documentTypes: [] });
    const empty = await ctx.http.as(ngo).post(`/competitions/${competition.id}/applications`, { title: 'Пустой' });
    const full = await createDraftApplication(ctx.http, ngo, second.id);
    const submitted = await createDraftApplication(ctx.http, ngo, second.id, { title: 'Поданный' });
    expect(await submitCode(ngo, submitted.id)).toBe('OK');
    const theirs = await createDraftApplication(ctx.http, other, competition.id);

    const res = await ctx.http.as(ngo).get('/applications?checklist=true');
    expect(res.status).toBe(200);
    const byId = new Map<string, { status: string; checklist?: Checklist }>(
      res.body.items.map((i: { id: string }) => [i.id, i]),
    );
    expect([...byId.keys()].sort()).toEqual([empty.body.id, full.id, submitted.id].sort());
    expect(byId.get(empty.body.id)!.checklist).toEqual(await checklist(ngo, empty.body.id));
    expect(failed(byId.get(empty.body.id)!.checklist!)).toContain('DOCUMENTS_MISSING');
    expect(byId.get(full.id)!.checklist).toEqual(await checklist(ngo, full.id));
    expect(byId.get(full.id)!.checklist!.ready).toBe(true);
    // Submitted applications have no checklist; without the parameter no item has one.
    expect(byId.get(submitted.id)!.checklist).toBeUndefined();
    const plain = await ctx.http.as(ngo).get('/applications');
    expect(plain.body.items.every((i: { checklist?: unknown }) => i.checklist === undefined)).toBe(true);
    // Staff see lists without checklists; the other NGO's draft stays out of this NGO's list.
    const staffList = await ctx.http.as(admin).get(`/applications?checklist=true&competitionId=${competition.id}`);
    expect(staffList.status).toBe(200);
    expect(staffList.body.items.some((i: { id: string }) => i.id === theirs.id)).toBe(true);
    expect(staffList.body.items.every((i: { checklist?: unknown }) => i.checklist === undefined)).toBe(true);
    const bad = await ctx.http.as(ngo).get('/applications?checklist=yes');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('checklist');
  });

  it('shows the checklist to the owner, admins and a consulting consultant only', async () => {
    const ngo = await registerNgo(ctx.http);
    const other = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const path = `/applications/${draft.id}/checklist`;
    expect((await ctx.http.as(other).get(path)).status).toBe(404);
    expect((await ctx.http.as(consultant).get(path)).status).toBe(404);
    expect((await ctx.http.anonymous().get(path)).status).toBe(401);
    expect((await ctx.http.as(admin).get(path)).status).toBe(200);
    await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: 'Всё ли верно?' });
    expect((await ctx.http.as(consultant).get(path)).status).toBe(200);
    expect((await ctx.http.as(ngo).get(`/applications/not-a-uuid/checklist`)).status).toBe(400);
  });

  it('GET /consultations/:id: the question, then the consultant, answer, verdict and remarks on fields', async () => {
    const ngo = await registerNgo(ctx.http);
    const colleague = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const asked = await ctx.http
      .as(ngo)
      .post(`/applications/${draft.id}/consultations`, { question: 'Верно ли составлен бюджет?' });
    const path = `/consultations/${asked.body.id}`;

    const fresh = await ctx.http.as(ngo).get(path);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      id: asked.body.id,
      applicationId: draft.id,
      status: 'requested',
      question: 'Верно ли составлен бюджет?',
      takenAt: null,
      completedAt: null,
      consultantName: null,
      comment: null,
      verdict: null,
      remarks: [],
    });
    expect(Date.parse(fresh.body.requestedAt)).not.toBeNaN();

    expect((await ctx.http.as(consultant).post(`${path}/take`)).status).toBe(200);
    const completed = await ctx.http.as(consultant).post(`${path}/complete`, {
      comment: 'Поправьте смету',
      verdict: 'needs_changes',
      remarks: [
        { field: 'summary', text: 'Опишите проблему конкретнее' },
        { field: 'budgetLines.0.amount', text: 'Оплата труда завышена' },
      ],
    });
    expect(completed.status).toBe(200);

    for (const who of [ngo, consultant, admin]) {
      const res = await ctx.http.as(who).get(path);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'completed',
        consultantName: 'Ольга Петровна Консультант',
        comment: 'Поправьте смету',
        verdict: 'needs_changes',
        remarks: [
          { field: 'summary', text: 'Опишите проблему конкретнее' },
          { field: 'budgetLines.0.amount', text: 'Оплата труда завышена' },
        ],
      });
      expect(Date.parse(res.body.takenAt)).toBeLessThanOrEqual(Date.parse(res.body.completedAt));
    }
    // Another organization's consultation does not exist for it; a made-up id neither.
    expect((await ctx.http.as(colleague).get(path)).status).toBe(404);
    expect((await ctx.http.as(ngo).get('/consultations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ctx.http.anonymous().get(path)).status).toBe(401);
  });

  it('refuses a remark on a field the application does not have', async () => {
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const asked = await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: 'Вопрос' });
    await ctx.http.as(consultant).post(`/consultations/${asked.body.id}/take`);
    const res = await ctx.http.as(consultant).post(`/consultations/${asked.body.id}/complete`, {
      comment: 'Ок',
      verdict: 'ready',
      remarks: [{ field: 'budgetLines.0.price', text: 'Нет такого поля' }],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/remarks\.0\.field/);
  });
});
