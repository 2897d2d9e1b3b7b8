import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  applicationBody,
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
import { hydrated } from '@grants/database';
import { Application, canonicalJson, Competition } from '@grants/domain';

describe('Applications: drafts, submission rules, registration numbers, withdrawal, admissibility', () => {
  let ctx: TestContext;
  let admin: Session;
  let db: DataSource;
  let competition: { id: string; shortCode: string; year: number; submissionDeadline: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
    db = ctx.api.get(DataSource);
    competition = await createOpenCompetition(ctx.http, admin);
  });
  afterAll(() => ctx.close());

  it('creates a draft with normalised money and lets the owner edit it', async () => {
    const ngo = await registerNgo(ctx.http);
    const res = await ctx.http
      .as(ngo)
      .post(`/competitions/${competition.id}/applications`, { title: 'Черновик', requestedAmount: 1000.5 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      competitionId: competition.id,
      organizationId: ngo.user.organizationId,
      requestedAmount: '1000.50',
      registrationNumber: null,
      submittedAt: null,
      consultantAssisted: false,
      score: null,
      awardedAmount: null,
      budgetLines: [],
    });
    const patched = await ctx.http.as(ngo).patch(`/applications/${res.body.id}`, {
      budgetLines: [{ item: 'Аренда', amount: '1000.5' }],
      projectStart: '2027-03-01',
      summary: null,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      budgetLines: [{ item: 'Аренда', amount: '1000.50' }],
      projectStart: '2027-03-01',
      summary: null,
    });
  });

  it('rejects bad content with 400 naming the field', async () => {
    const ngo = await registerNgo(ctx.http);
    const path = `/competitions/${competition.id}/applications`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ requestedAmount: '10.001' }, 'requestedAmount'],
      [{ requestedAmount: -1 }, 'requestedAmount'],
      [{ coFinancingAmount: 'сто' }, 'coFinancingAmount'],
      [{ projectStart: '2027-02-30' }, 'projectStart'],
      [{ direction: 'sport' }, 'direction'],
      [{ budgetLines: [{ item: 'x', amount: 1e21 }] }, 'amount'],
      [{ expectedResults: [{ indicator: 'x' }] }, 'target'],
      [{ owner: 'me' }, 'owner'],
      [{ title: '' }, 'title'],
    ];
    for (const [overrides, field] of cases) {
      const res = await ctx.http.as(ngo).post(path, applicationBody(overrides));
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const nullTitle = await ctx.http.as(ngo).patch(`/applications/${draft.id}`, { title: null });
    expect(nullTitle.status).toBe(400);
  });

  it('submits: registration number, frozen snapshot with its SHA-256, confirmation mail, read-only afterwards', async () => {
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const res = await ctx.http.as(ngo).post(`/applications/${draft.id}/submit`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.registrationNumber).toMatch(new RegExp(`^${competition.year}-${competition.shortCode}-\\d{4}$`));
    expect(res.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.submittedAt).toEqual(expect.any(String));

    const [snapshot] = await db.query(
      `SELECT content, content_hash FROM application_snapshots WHERE application_id = $1`,
      [draft.id],
    );
    expect(snapshot.content_hash).toBe(res.body.contentHash);
    expect(createHash('sha256').update(canonicalJson(snapshot.content)).digest('hex')).toBe(res.body.contentHash);
    expect(snapshot.content).toMatchObject({
      title: draft.title,
      requestedAmount: '200000.00',
      registrationNumber: res.body.registrationNumber,
    });

    const [mail] = await db.query(
      `SELECT user_id, payload FROM notifications WHERE template = 'application.submitted' AND payload->>'applicationId' = $1`,
      [draft.id],
    );
    expect(mail.user_id).toBe(ngo.user.id);
    expect(mail.payload).toMatchObject({
      registrationNumber: res.body.registrationNumber,
      contentHash: res.body.contentHash,
      submittedAt: res.body.submittedAt,
      competitionId: competition.id,
    });

    // The answer, built from the row locked for the submit and what its commit numbered, is the application as read afresh.
    const fresh = await ctx.http.as(ngo).get(`/applications/${draft.id}`);
    expect(res.body).toEqual(fresh.body);
    // The submit's plain-SQL reads hydrate as the ORM does (dates, numerics, jsonb).
    for (const [entity, table] of [
      [Application, 'applications'],
      [Competition, 'competitions'],
    ] as const) {
      const id = entity === Application ? draft.id : competition.id;
      const [row] = await db.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
      expect(hydrated(db.manager, entity, row)).toEqual(await db.manager.findOneByOrFail(entity, { id }));
    }

    const edit = await ctx.http.as(ngo).patch(`/applications/${draft.id}`, { title: 'Поправка' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('NOT_EDITABLE');
    const again = await ctx.http.as(ngo).post(`/applications/${draft.id}/submit`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOT_EDITABLE');
    const events = await ctx.http.as(ngo).get(`/applications/${draft.id}/events`);
    expect(events.body.items).toEqual([
      { from: 'draft', to: 'submitted', actorRole: 'applicant', at: expect.any(String), reason: null },
    ]);
  });

  it('refuses each broken rule with its own code', async () => {
    const ngo = await registerNgo(ctx.http);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ summary: null, goals: '  ', budgetLines: [] }, 422, 'INCOMPLETE'],
      [
        { requestedAmount: '300000.01', budgetLines: [{ item: 'Всё', amount: '300000.01' }] },
        422,
        'AMOUNT_EXCEEDS_MAX',
      ],
      // 10% of (200000 + 22222.22) = 22222.222 > 22222.22
      [{ coFinancingAmount: '22222.22' }, 422, 'COFINANCING_TOO_LOW'],
      [{ budgetLines: [{ item: 'Всё', amount: '199999.99' }] }, 422, 'BUDGET_MISMATCH'],
      [{ projectStart: '2030-05-01', projectEnd: '2030-04-30' }, 422, 'PROJECT_DATES_INVALID'],
      [{ projectStart: '2020-01-01', projectEnd: '2020-06-01' }, 422, 'PROJECT_DATES_INVALID'],
      [{ projectStart: '2030-01-01', projectEnd: '2032-01-01' }, 422, 'PROJECT_DATES_INVALID'],
    ];
    for (const [overrides, status, code] of cases) {
      const draft = await createDraftApplication(ctx.http, ngo, competition.id, overrides);
      const res = await ctx.http.as(ngo).post(`/applications/${draft.id}/submit`);
      expect({ code: res.body.code, status: res.status }).toEqual({ code, status });
    }
    const incomplete = await createDraftApplication(ctx.http, ngo, competition.id, {
      summary: null,
      goals: '  ',
      budgetLines: [],
    });
    const res = await ctx.http.as(ngo).post(`/applications/${incomplete.id}/submit`);
    expect(res.body.details.missing).toEqual(['summary', 'goals', 'budgetLines']);
    // exactly the minimum co-financing passes: 10% of 250000.00
    const exact = await createDraftApplication(ctx.http, ngo, competition.id, { coFinancingAmount: '22222.23' });
    expect((await ctx.http.as(ngo).post(`/applications/${exact.id}/submit`)).status).toBe(200);
  });

  it('checks the window by the database clock on every submit, whether or not a job ran', async () => {
    const local = await createOpenCompetition(ctx.http, admin);
    const ngo = await registerNgo(ctx.http);
    const late = await createDraftApplication(ctx.http, ngo, local.id);
    const early = await createDraftApplication(ctx.http, ngo, local.id);

    await db.query(
      `UPDATE competitions SET submission_deadline = clock_timestamp() - interval '1 millisecond' WHERE id = $1`,
      [local.id],
    );
    const passed = await ctx.http.as(ngo).post(`/applications/${late.id}/submit`);
    expect(passed.status).toBe(422);
    expect(passed.body.code).toBe('DEADLINE_PASSED');
    const withdrawLate = await ctx.http.as(ngo).post(`/applications/${late.id}/withdraw`);
    expect(withdrawLate.body.code).toBe('DEADLINE_PASSED');

    await db.query(
      `UPDATE competitions SET submission_opens_at = clock_timestamp() + interval '1 hour', submission_deadline = clock_timestamp() + interval '2 hours' WHERE id = $1`,
      [local.id],
    );
    const notYet = await ctx.http.as(ngo).post(`/applications/${early.id}/submit`);
    expect(notYet.status).toBe(422);
    expect(notYet.body.code).toBe('NOT_OPEN_YET');

    await db.query(
      `UPDATE competitions SET submission_opens_at = clock_timestamp() - interval '1 millisecond' WHERE id = $1`,
      [local.id],
    );
    expect((await ctx.http.as(ngo).post(`/applications/${early.id}/submit`)).status).toBe(200);
    const stillDraft = await ctx.http.as(ngo).get(`/applications/${late.id}`);
    expect(stillDraft.body.status).toBe('draft');
  });

  it('numbers 50 concurrent submissions from 50 organizations 0001..0050 with no gaps or duplicates', async () => {
    const rush = await createOpenCompetition(ctx.http, admin);
    const ngos = await Promise.all(Array.from({ length: 50 }, () => registerNgo(ctx.http)));
    const drafts = await Promise.all(ngos.map((ngo) => createDraftApplication(ctx.http, ngo, rush.id)));
    const results = await Promise.all(drafts.map((d, i) => ctx.http.as(ngos[i]).post(`/applications/${d.id}/submit`)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const numbers = results.map((r) => r.body.registrationNumber as string).sort();
    const expected = Array.from(
      { length: 50 },
      (_, i) => `${rush.year}-${rush.shortCode}-${String(i + 1).padStart(4, '0')}`,
    );
    expect(numbers).toEqual(expected);
    const [{ last_sequence }] = await db.query(
      `SELECT last_sequence FROM competition_sequences WHERE competition_id = $1`,
      [rush.id],
    );
    expect(last_sequence).toBe(50);
  });

  it('lets the owner withdraw a draft or a submitted application, not twice', async () => {
    const ngo = await registerNgo(ctx.http);
    const other = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const submitted = await submitApplication(
      ctx.http,
      ngo,
      (await createDraftApplication(ctx.http, ngo, competition.id)).id,
    );
    expect((await ctx.http.as(other).post(`/applications/${draft.id}/withdraw`)).status).toBe(404);
    const a = await ctx.http.as(ngo).post(`/applications/${draft.id}/withdraw`, { reason: 'Передумали' });
    expect(a.status).toBe(200);
    expect(a.body.status).toBe('withdrawn');
    const b = await ctx.http.as(ngo).post(`/applications/${submitted.id}/withdraw`);
    expect(b.body.status).toBe('withdrawn');
    const twice = await ctx.http.as(ngo).post(`/applications/${submitted.id}/withdraw`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INVALID_TRANSITION');
    const events = await ctx.http.as(ngo).get(`/applications/${draft.id}/events`);
    expect(events.body.items).toEqual([
      expect.objectContaining({ from: 'draft', to: 'withdrawn', actorRole: 'applicant', reason: 'Передумали' }),
    ]);
  });

  it('lets an admin declare a submitted application ineligible with a reason the applicant receives', async () => {
    const ngo = await registerNgo(ctx.http);
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const notYet = await ctx.http.as(admin).post(`/applications/${draft.id}/ineligible`, { reason: 'Не СО НКО' });
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('INVALID_TRANSITION');
    await submitApplication(ctx.http, ngo, draft.id);
    expect((await ctx.http.as(admin).post(`/applications/${draft.id}/ineligible`, {})).status).toBe(400);
    const res = await ctx.http
      .as(admin)
      .post(`/applications/${draft.id}/ineligible`, { reason: 'Организация не является СО НКО' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ineligible', ineligibleReason: 'Организация не является СО НКО' });
    const [mail] = await db.query(
      `SELECT user_id, payload, decision_key FROM notifications WHERE template = 'application.ineligible'`,
    );
    expect(mail).toMatchObject({ user_id: ngo.user.id, decision_key: `decision:${draft.id}` });
    expect(mail.payload).toMatchObject({
      reason: 'Организация не является СО НКО',
      registrationNumber: res.body.registrationNumber,
    });
    const events = await ctx.http.as(admin).get(`/applications/${draft.id}/events`);
    expect(events.body.items.map((e: { to: string }) => e.to)).toEqual(['submitted', 'ineligible']);
    const audit = await ctx.http.as(admin).get('/audit?pageSize=100');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('application.ineligible');
  });

  it('lists applications scoped to the caller, filtered by competition and status, paginated', async () => {
    const local = await createOpenCompetition(ctx.http, admin);
    const ngo = await registerNgo(ctx.http);
    const other = await registerNgo(ctx.http);
    const mine = await Promise.all([1, 2, 3].map(() => createDraftApplication(ctx.http, ngo, local.id)));
    await submitApplication(ctx.http, ngo, mine[0].id);
    const foreign = await createDraftApplication(ctx.http, other, local.id);

    const own = await ctx.http.as(ngo).get(`/applications?competitionId=${local.id}`);
    expect(own.body.total).toBe(3);
    expect(own.body.items.map((a: { id: string }) => a.id)).not.toContain(foreign.id);
    const drafts = await ctx.http.as(ngo).get(`/applications?competitionId=${local.id}&status=draft&pageSize=1&page=2`);
    expect(drafts.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(drafts.body.items).toHaveLength(1);
    const all = await ctx.http.as(admin).get(`/applications?competitionId=${local.id}`);
    expect(all.body.total).toBe(4);
    expect((await ctx.http.as(ngo).get('/applications?status=lost')).status).toBe(400);
    expect((await ctx.http.as(ngo).get('/applications?pageSize=101')).status).toBe(400);
    expect((await ctx.http.as(ngo).get('/applications?competitionId=abc')).status).toBe(400);
  });

  it('filters the list by consultant assistance and names the organization of each item for staff', async () => {
    const local = await createOpenCompetition(ctx.http, admin);
    const consultant = await createStaff(ctx.http, admin, 'consultant');
    const expert = await createStaff(ctx.http, admin, 'expert');
    const helped = await registerNgo(ctx.http, { organization: { fullName: 'АНО «Серебряный возраст»' } });
    const alone = await registerNgo(ctx.http, { organization: { fullName: 'Фонд «Берег»' } });
    const [answered, asked] = await Promise.all([1, 2].map(() => createDraftApplication(ctx.http, helped, local.id)));
    const unaided = await createDraftApplication(ctx.http, alone, local.id);
    // `answered` gets a completed consultation; `asked` only a request nobody answered yet: not assisted.
    const q1 = await ctx.http.as(helped).post(`/applications/${answered.id}/consultations`, { question: 'Бюджет?' });
    await ctx.http.as(helped).post(`/applications/${asked.id}/consultations`, { question: 'Сроки?' });
    expect((await ctx.http.as(consultant).post(`/consultations/${q1.body.id}/take`)).status).toBe(200);
    const done = await ctx.http
      .as(consultant)
      .post(`/consultations/${q1.body.id}/complete`, { comment: 'Бюджет обоснован', verdict: 'ready' });
    expect(done.status).toBe(200);

    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((a) => a.id).sort();
    const list = (who: Session, query: string) =>
      ctx.http.as(who).get(`/applications?competitionId=${local.id}${query}`);

    const all = await list(admin, '');
    expect(all.body.total).toBe(3);
    const byId = new Map(all.body.items.map((a: { id: string }) => [a.id, a]));
    expect(byId.get(answered.id)).toMatchObject({
      consultantAssisted: true,
      organizationName: 'АНО «Серебряный возраст»',
    });
    expect(byId.get(asked.id)).toMatchObject({
      consultantAssisted: false,
      organizationName: 'АНО «Серебряный возраст»',
    });
    expect(byId.get(unaided.id)).toMatchObject({ consultantAssisted: false, organizationName: 'Фонд «Берег»' });

    const assisted = await list(admin, '&assisted=true');
    expect(assisted.body.total).toBe(1);
    expect(ids(assisted)).toEqual([answered.id]);
    const unassisted = await list(admin, '&assisted=false');
    expect(unassisted.body.total).toBe(2);
    expect(ids(unassisted)).toEqual([asked.id, unaided.id].sort());
    // Combined with the other filters, the statistics' rule still holds: assisted AND draft.
    expect(ids(await list(admin, '&assisted=true&status=draft'))).toEqual([answered.id]);
    expect((await list(admin, '&assisted=true&status=submitted')).body.total).toBe(0);

    // An applicant still sees only its own organization's items, with either value of the filter.
    expect(ids(await list(alone, ''))).toEqual([unaided.id]);
    expect((await list(alone, '&assisted=true')).body.total).toBe(0);
    const own = await list(alone, '&assisted=false');
    expect(ids(own)).toEqual([unaided.id]);
    expect(own.body.items[0].organizationName).toBe('Фонд «Берег»');
    expect(ids(await list(helped, '&assisted=true'))).toEqual([answered.id]);
    // The consultant sees the consulted applications only; an expert none of these drafts.
    expect(ids(await list(consultant, '&assisted=true'))).toEqual([answered.id]);
    expect((await list(expert, '')).body.total).toBe(0);

    for (const bad of ['yes', '1', '', 'TRUE']) {
      const res = await list(admin, `&assisted=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.message.join(' ')).toContain('assisted');
    }
    expect((await list(admin, '&assisted=true&assisted=false')).status).toBe(400);
  });
});
