import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { statusOf } from '@grants/api/common/domain-error.filter';
import { StatisticsService } from '@grants/domain';
import {
  applicationBody,
  competitionBody,
  createStaff,
  createTestContext,
  HttpClient,
  HttpResponse,
  loginAdmin,
  registerNgo,
  Session,
  TestContext,
} from '@grants/testing';

/**
 * Pins the HTTP contract of /work/shared/API.md: one realistic round through the API, asserting the
 * response shapes external clients rely on (field names, types, status codes, list envelopes, error shape),
 * and that the OpenAPI document still lists every endpoint of API.md.
 */

/** Every endpoint of API.md, as `METHOD /path` with OpenAPI `{param}` placeholders. */
const API_MD_ENDPOINTS = [
  'POST /auth/register',
  'POST /auth/login',
  'GET /me',
  'GET /me/notifications',
  'POST /users',
  'GET /users',
  'GET /organizations/{id}',
  'POST /competitions',
  'PATCH /competitions/{id}',
  'POST /competitions/{id}/publish',
  'POST /competitions/{id}/close',
  'POST /competitions/{id}/cancel',
  'GET /competitions',
  'GET /competitions/{id}',
  'GET /competitions/{id}/ranking',
  'GET /competitions/{id}/award-proposal',
  'POST /competitions/{id}/results',
  'GET /competitions/{id}/results',
  'POST /competitions/{id}/assignments',
  'POST /competitions/{id}/applications',
  'PATCH /applications/{id}',
  'GET /applications/{id}',
  'GET /applications',
  'POST /applications/{id}/submit',
  'POST /applications/{id}/withdraw',
  'POST /applications/{id}/ineligible',
  'GET /applications/{id}/events',
  'GET /applications/{id}/reviews',
  'POST /applications/{id}/consultations',
  'GET /consultations',
  'POST /consultations/{id}/take',
  'POST /consultations/{id}/complete',
  'GET /reviews',
  'GET /reviews/{id}',
  'PUT /reviews/{id}',
  'POST /reviews/{id}/submit',
  'POST /reviews/{id}/decline',
  'POST /reviews/conflicts',
  'GET /reviews/conflicts',
  'GET /competitions/{id}/experts',
  'POST /statistics/{year}/compile',
  'GET /statistics/jobs/{jobId}',
  'GET /statistics/{year}',
  'GET /statistics/{year}/export.csv',
  'GET /statistics/{year}/report',
  'GET /statistics/{year}/export.json',
  'GET /notifications',
  'POST /notifications/{id}/retry',
  'GET /competitions/{id}/calendar.ics',
  'GET /audit',
  'GET /health',
  'GET /grants',
  'GET /grants/{id}',
  'POST /grants/{id}/agreement',
  'POST /grants/{id}/terminate',
  'PUT /grants/{id}/reports/{code}',
  'POST /grants/{id}/reports/{code}/submit',
  'POST /grants/{id}/reports/{code}/accept',
  'POST /grants/{id}/reports/{code}/return',
  'GET /public/grants/{id}',
  'GET /competitions/{id}/summary',
  'GET /competitions/{id}/applications/export.csv',
  'POST /statistics/{year}/publish',
  'GET /public/reports',
  'GET /public/reports/{year}',
];
/** Endpoints that need no token (a valid token may still be sent). */
const PUBLIC_ENDPOINTS = new Set([
  'POST /auth/register',
  'POST /auth/login',
  'GET /competitions',
  'GET /competitions/{id}',
  'GET /competitions/{id}/results',
  'GET /competitions/{id}/calendar.ics',
  'GET /health',
  'GET /public/grants/{id}',
  'GET /public/reports',
  'GET /public/reports/{year}',
]);
const ERROR_CODES_OF_API_MD = [
  'EMAIL_TAKEN',
  'INN_TAKEN',
  'COMPETITION_NOT_OPEN',
  'NOT_OPEN_YET',
  'DEADLINE_PASSED',
  'DEADLINE_SHORTENED',
  'INCOMPLETE',
  'AMOUNT_EXCEEDS_MAX',
  'COFINANCING_TOO_LOW',
  'BUDGET_MISMATCH',
  'NOT_EDITABLE',
  'INVALID_TRANSITION',
  'ALREADY_TAKEN',
  'NOT_REVIEWED',
  'BUDGET_EXCEEDED',
  'ALREADY_ANNOUNCED',
  'CONFLICT_OF_INTEREST',
  'TOKEN_INVALID',
  'WRONG_PASSWORD',
  'LAST_MEMBER',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONEY = /^\d+\.\d{2}$/;

const expectUuid = (v: unknown) => expect(v).toMatch(UUID);
const expectIsoUtc = (v: unknown) => {
  expect(v).toMatch(ISO_UTC);
  expect(new Date(v as string).toISOString()).toBe(new Date(v as string).toISOString());
};
const expectMoney = (v: unknown) => expect(v).toMatch(MONEY);
const expectDate = (v: unknown) => expect(v).toMatch(DATE);
const expectNullable = (v: unknown, check: (v: unknown) => void) => (v === null ? undefined : check(v));
const expectNumber = (v: unknown) => expect(typeof v).toBe('number');
const expectRate = (v: unknown) => {
  expectNumber(v);
  expect(v as number).toBeGreaterThanOrEqual(0);
  expect(v as number).toBeLessThanOrEqual(1);
};
/** The object has at least these keys (extra, additive fields are allowed). */
const expectFields = (o: unknown, fields: string[]) => {
  expect(o).toEqual(expect.any(Object));
  expect({ missing: fields.filter((f) => !(f in (o as object))) }).toEqual({ missing: [] });
};
const expectPage = (res: HttpResponse, page = 1, pageSize = 20) => {
  expect(res.status).toBe(200);
  expectFields(res.body, ['items', 'total', 'page', 'pageSize']);
  expect(Array.isArray(res.body.items)).toBe(true);
  expect(res.body.total).toEqual(expect.any(Number));
  expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
  expect({ page: res.body.page, pageSize: res.body.pageSize }).toEqual({ page, pageSize });
  return res.body.items as any[];
};
const expectError = (res: HttpResponse, statusCode: number, code?: string) => {
  expect({ status: res.status, code: res.body?.code }).toEqual({
    status: statusCode,
    code: code ?? expect.any(String),
  });
  expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(['code', 'error', 'message', 'statusCode']));
  expect(res.body.statusCode).toBe(statusCode);
  expect(res.body.error).toEqual(expect.any(String));
  expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
};

const MONEY_KEYS =
  /^(amount|total(Budget|Awarded)|maxGrantAmount|planned|spent|spendingLimit)$|^amount[A-Z]|[a-z]Amount$|^(planned|spent)Total$/;
/**
 * API.md's wire formats by field name, anywhere in a JSON body: `id`/`…Id` are UUIDs, `…At` ISO UTC
 * times, project dates YYYY-MM-DD, money fields (and everything under `amounts`) two-decimal strings.
 */
function wireFormatViolations(value: unknown, where: string, key = '', parent = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => wireFormatViolations(v, `${where}[${i}]`, key, parent));
  if (value && typeof value === 'object') {
    // Year-over-year changes mix counts and money by design; 360Giving amounts are numbers by its standard.
    if (key === 'change' || key === 'grants') return [];
    return Object.entries(value).flatMap(([k, v]) => wireFormatViolations(v, `${where}.${k}`, k, key));
  }
  if (value === null || value === undefined) return [];
  const bad = (format: string) => [`${where} = ${JSON.stringify(value)} is not ${format}`];
  if ((key === 'id' || /[a-z]Id$/.test(key)) && key !== 'jobId' && !UUID.test(String(value))) return bad('a UUID');
  if (/[a-z]At$/.test(key) && !(typeof value === 'string' && ISO_UTC.test(value))) return bad('an ISO UTC time');
  if ((key === 'projectStart' || key === 'projectEnd' || /[a-z]Date$/.test(key)) && !DATE.test(String(value)))
    return bad('a date');
  if ((MONEY_KEYS.test(key) || parent === 'amounts') && !(typeof value === 'string' && MONEY.test(value)))
    return bad('money');
  return [];
}

/** The test client, checking the wire formats of every JSON response it receives. */
class ContractClient extends HttpClient {
  static violations: string[] = [];
  constructor(
    private readonly nest: NestFastifyApplication,
    token?: string,
  ) {
    super(nest, token);
  }
  override as(token: string | { accessToken: string }): ContractClient {
    return new ContractClient(this.nest, typeof token === 'string' ? token : token.accessToken);
  }
  override anonymous(): ContractClient {
    return new ContractClient(this.nest);
  }
  override async request<T = any>(...args: Parameters<HttpClient['request']>): Promise<HttpResponse<T>> {
    const res = await super.request<T>(...args);
    if (res.body && typeof res.body === 'object' && !args[1].startsWith('/api/docs'))
      ContractClient.violations.push(...wireFormatViolations(res.body, `${args[0]} ${args[1]}`));
    return res;
  }
}

const USER_FIELDS = ['id', 'email', 'fullName', 'role', 'locale', 'organizationId', 'emailVerified', 'active'];
const expectUser = (u: any) => {
  expectFields(u, USER_FIELDS);
  expectUuid(u.id);
  expect(['applicant', 'consultant', 'expert', 'admin']).toContain(u.role);
  expect(['ru', 'en']).toContain(u.locale);
  expectNullable(u.organizationId, expectUuid);
};
const COMPETITION_FIELDS = [
  'id',
  'status',
  'createdAt',
  'title',
  'description',
  'year',
  'fundingSource',
  'timezone',
  'submissionOpensAt',
  'submissionDeadline',
  'reviewDeadline',
  'totalBudget',
  'maxGrantAmount',
  'minCoFinancingPercent',
  'directions',
  'criteria',
  'expertsPerApplication',
  'divergenceThreshold',
  'minScoreToAward',
];
const expectCompetition = (c: any) => {
  expectFields(c, COMPETITION_FIELDS);
  expectUuid(c.id);
  for (const t of ['createdAt', 'submissionOpensAt', 'submissionDeadline', 'reviewDeadline']) expectIsoUtc(c[t]);
  expectMoney(c.totalBudget);
  expectMoney(c.maxGrantAmount);
  expect(c.year).toEqual(expect.any(Number));
  for (const d of c.directions) expectFields(d, ['code', 'title']);
  for (const k of c.criteria) {
    expectFields(k, ['code', 'title', 'weight', 'maxScore']);
    expectNumber(k.weight);
    expectNumber(k.maxScore);
  }
};
const APPLICATION_FIELDS = [
  'id',
  'competitionId',
  'organizationId',
  'status',
  'registrationNumber',
  'submittedAt',
  'consultantAssisted',
  'score',
  'awardedAmount',
  'title',
  'summary',
  'direction',
  'requestedAmount',
  'coFinancingAmount',
  'projectStart',
  'projectEnd',
  'goals',
  'expectedResults',
  'budgetLines',
  'geography',
];
const expectApplication = (a: any) => {
  expectFields(a, APPLICATION_FIELDS);
  expectUuid(a.id);
  expectUuid(a.competitionId);
  expectUuid(a.organizationId);
  expectNullable(a.submittedAt, expectIsoUtc);
  expectNullable(a.requestedAmount, expectMoney);
  expectNullable(a.coFinancingAmount, expectMoney);
  expectNullable(a.awardedAmount, expectMoney);
  expectNullable(a.score, expectNumber);
  expectNullable(a.projectStart, expectDate);
  expectNullable(a.projectEnd, expectDate);
  for (const r of a.expectedResults) expectFields(r, ['indicator', 'target']);
  for (const l of a.budgetLines) {
    expectFields(l, ['item', 'amount']);
    expectMoney(l.amount);
  }
};
const expectConsultation = (c: any, status: string) => {
  expectFields(c, ['id', 'status']);
  expectUuid(c.id);
  expect(c.status).toBe(status);
};

describe('HTTP contract of API.md', () => {
  let ctx: TestContext;
  let http: ContractClient;
  let db: DataSource;
  let admin: Session;
  let consultant: Session;
  let experts: Session[];
  let ngo: Session;
  let rival: Session;
  let late: Session;
  let competition: any;
  let application: any;
  const year = new Date().getUTCFullYear();
  const as = (s: Session) => http.as(s);

  beforeAll(async () => {
    ctx = await createTestContext();
    http = new ContractClient(ctx.api);
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    consultant = await createStaff(ctx.http, admin, 'consultant');
    experts = [
      await createStaff(ctx.http, admin, 'expert'),
      await createStaff(ctx.http, admin, 'expert'),
      await createStaff(ctx.http, admin, 'expert'),
    ];
  });
  afterAll(() => ctx?.close());

  it('auth and users: register, login, me, users, organizations', async () => {
    const register = await http.anonymous().post('/auth/register', {
      email: `contract-${Date.now()}@example.org`,
      password: 'correct-horse-battery',
      fullName: 'Иванова Мария Петровна',
      locale: 'ru',
      organization: { fullName: 'МОО «Серебряные волонтеры»', inn: '7707083893', municipality: 'г. Лесосибирск' },
    });
    expect(register.status).toBe(201);
    expectFields(register.body, ['accessToken', 'user']);
    expect(register.body.accessToken).toEqual(expect.any(String));
    expectUser(register.body.user);
    expect(register.body.user.role).toBe('applicant');

    const duplicate = await http.anonymous().post('/auth/register', {
      email: `other-${Date.now()}@example.org`,
      password: 'correct-horse-battery',
      fullName: 'Петрова Анна',
      organization: { fullName: 'Другая организация', inn: '7707083893' },
    });
    expectError(duplicate, 409, 'INN_TAKEN');

    const login = await http.anonymous().post('/auth/login', {
      email: register.body.user.email,
      password: 'correct-horse-battery',
    });
    expect(login.status).toBe(200);
    expectFields(login.body, ['accessToken', 'user']);
    expectUser(login.body.user);
    expectError(
      await http.anonymous().post('/auth/login', { email: register.body.user.email, password: 'wrong-password' }),
      401,
    );
    ngo = { ...login.body, password: 'correct-horse-battery' };
    rival = await registerNgo(ctx.http);
    late = await registerNgo(ctx.http);

    const me = await as(ngo).get('/me');
    expect(me.status).toBe(200);
    expect(Object.keys(me.body).sort()).toEqual([...USER_FIELDS].sort());
    expectError(await http.anonymous().get('/me'), 401);

    const created = await as(admin).post('/users', {
      email: `consultant-${Date.now()}@rc.example.org`,
      password: 'staff-password-123',
      fullName: 'Сидорова Анна Викторовна',
      role: 'consultant',
    });
    expect(created.status).toBe(201);
    expectUser(created.body);
    expect(created.body.organizationId).toBeNull();

    const users = expectPage(await as(admin).get('/users?role=expert&page=1&pageSize=2'), 1, 2);
    expect(users).toHaveLength(2);
    users.forEach(expectUser);
    expect(users.every((u) => u.role === 'expert')).toBe(true);
    expectError(await as(admin).get('/users?pageSize=101'), 400, 'VALIDATION_FAILED');
    expectError(await as(ngo).get('/users'), 403);

    const org = await as(ngo).get(`/organizations/${ngo.user.organizationId}`);
    expect(org.status).toBe(200);
    expect(Object.keys(org.body).sort()).toEqual(
      ['id', 'fullName', 'shortName', 'inn', 'ogrn', 'municipality', 'email', 'phone'].sort(),
    );
    expect(org.body.inn).toBe('7707083893');
    expectError(await as(rival).get(`/organizations/${ngo.user.organizationId}`), 404);
  });

  it('browser sessions: the cookie, CSRF_REJECTED, logout, logout-everywhere', async () => {
    const session = await registerNgo(ctx.http);
    const login = await http.anonymous().post('/auth/login', { email: session.user.email, password: session.password });
    const setCookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('grants_session='));
    expect(setCookie).toMatch(/^grants_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(login.headers['cache-control']).toBe('no-store');
    const cookie = setCookie!.split(';')[0];
    const me = await http.anonymous().request('GET', '/me', undefined, { cookie });
    expect(Object.keys(me.body).sort()).toEqual([...USER_FIELDS].sort());
    const rejected = await http
      .anonymous()
      .request('POST', '/auth/logout', undefined, { cookie, origin: 'https://evil.example' });
    expectError(rejected, 403, 'CSRF_REJECTED');
    const logout = await http
      .anonymous()
      .request('POST', '/auth/logout', undefined, { cookie, origin: 'http://grants.test' });
    expect(logout.status).toBe(204);
    expect(logout.text).toBe('');
    const everywhere = await as(session).post('/auth/logout-everywhere');
    expect(everywhere.status).toBe(204);
    expect(everywhere.text).toBe('');
    expectError(await as(session).get('/me'), 401);
  });

  it('competitions: create, patch, publish, list, get; money in, money out', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const body = competitionBody({
      submissionOpensAt: iso(now - 60_000),
      submissionDeadline: iso(now + 7 * 86_400_000),
      reviewDeadline: iso(now + 30 * 86_400_000),
      totalBudget: 1000000,
      maxGrantAmount: '300000.5',
      expertsPerApplication: 2,
    });
    for (const bad of ['100.123', -5, 'abc', '1e5']) {
      const res = await as(admin).post('/competitions', { ...body, totalBudget: bad });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringContaining('totalBudget')]));
    }
    expectError(await as(admin).post('/competitions', { ...body, surprise: 1 }), 400, 'VALIDATION_FAILED');

    const created = await as(admin).post('/competitions', body);
    expect(created.status).toBe(201);
    expectCompetition(created.body);
    expect(created.body).toMatchObject({ status: 'draft', totalBudget: '1000000.00', maxGrantAmount: '300000.50' });

    const patched = await as(admin).patch(`/competitions/${created.body.id}`, { maxGrantAmount: 300000 });
    expect(patched.status).toBe(200);
    expectCompetition(patched.body);
    expect(patched.body.maxGrantAmount).toBe('300000.00');

    expectError(await http.anonymous().get(`/competitions/${created.body.id}`), 404);
    const publicList = expectPage(await http.anonymous().get('/competitions?pageSize=100'), 1, 100);
    expect(publicList.map((c) => c.id)).not.toContain(created.body.id);
    const adminList = expectPage(await as(admin).get('/competitions?pageSize=100'), 1, 100);
    expect(adminList.map((c) => c.id)).toContain(created.body.id);
    // Actions without a body: clients may send none at all.
    const published = await as(admin).request('POST', `/competitions/${created.body.id}/publish`);
    expect(published.status).toBe(200);
    expectCompetition(published.body);
    expect(published.body.status).toBe('open');
    competition = published.body;

    const shortened = await as(admin).patch(`/competitions/${competition.id}`, {
      submissionDeadline: iso(now + 86_400_000),
    });
    expectError(shortened, 422, 'DEADLINE_SHORTENED');

    const list = expectPage(await http.anonymous().get('/competitions?page=1&pageSize=5'), 1, 5);
    list.forEach(expectCompetition);
    expect(list.map((c) => c.id)).toContain(competition.id);
    const got = await http.anonymous().get(`/competitions/${competition.id}`);
    expect(got.status).toBe(200);
    expectCompetition(got.body);

    const doomed = await as(admin).post('/competitions', competitionBody());
    const cancelled = await as(admin).post(`/competitions/${doomed.body.id}/cancel`, { reason: 'Нет финансирования' });
    expect(cancelled.status).toBe(200);
    expectCompetition(cancelled.body);
    expect(cancelled.body.status).toBe('cancelled');
    expectError(await http.anonymous().get(`/competitions/${doomed.body.id}/results`), 404);

    const ics = await http.anonymous().get(`/competitions/${competition.id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
  });

  it('applications and consultations: draft, patch, consult, submit, withdraw, ineligible, events', async () => {
    const create = await as(ngo).post(
      `/competitions/${competition.id}/applications`,
      applicationBody({ requestedAmount: 200000, coFinancingAmount: 50000.5 }),
    );
    expect(create.status).toBe(201);
    expectApplication(create.body);
    expect(create.body).toMatchObject({
      status: 'draft',
      requestedAmount: '200000.00',
      coFinancingAmount: '50000.50',
      registrationNumber: null,
      submittedAt: null,
      consultantAssisted: false,
      score: null,
      awardedAmount: null,
    });
    application = create.body;
    expectError(
      await as(ngo).post(`/competitions/${competition.id}/applications`, applicationBody({ requestedAmount: '1.001' })),
      400,
      'VALIDATION_FAILED',
    );

    const patched = await as(ngo).patch(`/applications/${application.id}`, { coFinancingAmount: '50000.00' });
    expect(patched.status).toBe(200);
    expectApplication(patched.body);
    expect(patched.body.coFinancingAmount).toBe('50000.00');

    const asked = await as(ngo).post(`/applications/${application.id}/consultations`, { question: 'Проверьте бюджет' });
    expect(asked.status).toBe(201);
    expectConsultation(asked.body, 'requested');
    const queue = expectPage(await as(consultant).get('/consultations?status=requested'));
    expect(queue.map((c) => c.id)).toContain(asked.body.id);
    queue.forEach((c) => expectConsultation(c, 'requested'));
    queue.forEach((c) => {
      expectFields(c, ['competitionId', 'applicationTitle', 'organizationName']);
      expectUuid(c.competitionId);
    });
    expectPage(await as(ngo).get('/consultations'));
    const taken = await as(consultant).post(`/consultations/${asked.body.id}/take`);
    expect(taken.status).toBe(200);
    expectConsultation(taken.body, 'in_progress');
    const other = await createStaff(ctx.http, admin, 'consultant');
    expectError(await as(other).post(`/consultations/${asked.body.id}/take`), 409, 'ALREADY_TAKEN');
    const completed = await as(consultant).post(`/consultations/${asked.body.id}/complete`, {
      comment: 'Бюджет обоснован',
      verdict: 'ready',
      remarks: [{ field: 'goals', text: 'Уточните цель' }],
    });
    expect(completed.status).toBe(200);
    expectConsultation(completed.body, 'completed');

    expectError(
      await as(experts[0]).post(`/competitions/${competition.id}/applications`, applicationBody()),
      403,
      'FORBIDDEN',
    );
    const submitted = await as(ngo).request('POST', `/applications/${application.id}/submit`);
    expect(submitted.status).toBe(200);
    expectApplication(submitted.body);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.registrationNumber).toEqual(expect.any(String));
    expectIsoUtc(submitted.body.submittedAt);
    expect(submitted.body.consultantAssisted).toBe(true);
    expectError(await as(ngo).post(`/applications/${application.id}/submit`), 409, 'NOT_EDITABLE');
    expectError(await as(ngo).patch(`/applications/${application.id}`, { title: 'Новое' }), 409, 'NOT_EDITABLE');

    const mine = expectPage(await as(ngo).get(`/applications?competitionId=${competition.id}&pageSize=10`), 1, 10);
    expect(mine.map((a) => a.id)).toEqual([application.id]);
    mine.forEach(expectApplication);
    expectError(await as(rival).get(`/applications/${application.id}`), 404);
    const badId = await as(ngo).get('/applications/not-a-uuid');
    expectError(badId, 400, 'VALIDATION_FAILED');
    expect(badId.body.message).toEqual([expect.stringContaining('id')]);
    const got = await as(admin).get(`/applications/${application.id}`);
    expect(got.status).toBe(200);
    expectApplication(got.body);

    const events = await as(ngo).get(`/applications/${application.id}/events`);
    expect(events.status).toBe(200);
    expect(events.body.items.length).toBeGreaterThanOrEqual(1);
    for (const e of events.body.items) {
      expectFields(e, ['from', 'to', 'actorRole', 'at', 'reason']);
      expectIsoUtc(e.at);
    }
    expect(events.body.items.map((e: any) => e.to)).toContain('submitted');

    const withdrawnDraft = await as(late).post(`/competitions/${competition.id}/applications`, applicationBody());
    const withdrawn = await as(late).request('POST', `/applications/${withdrawnDraft.body.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expectApplication(withdrawn.body);
    expect(withdrawn.body.status).toBe('withdrawn');

    const rivalDraft = await as(rival).post(`/competitions/${competition.id}/applications`, applicationBody());
    expect((await as(rival).post(`/applications/${rivalDraft.body.id}/submit`)).status).toBe(200);
    const ineligible = await as(admin).post(`/applications/${rivalDraft.body.id}/ineligible`, {
      reason: 'Организация не зарегистрирована в городе',
    });
    expect(ineligible.status).toBe(200);
    expectApplication(ineligible.body);
    expect(ineligible.body.status).toBe('ineligible');
  });

  it('close, assignments and reviews', async () => {
    const closed = await as(admin).post(`/competitions/${competition.id}/close`);
    expect(closed.status).toBe(200);
    expectCompetition(closed.body);
    expect(closed.body.status).toBe('review');

    const assign = (expert: Session) =>
      as(admin).post(`/competitions/${competition.id}/assignments`, {
        applicationId: application.id,
        expertId: expert.user.id,
      });
    const reviews = [];
    for (const expert of experts) {
      const res = await assign(expert);
      expect(res.status).toBe(201);
      expectFields(res.body, ['id', 'applicationId', 'status', 'dueAt']);
      expectUuid(res.body.id);
      expectIsoUtc(res.body.dueAt);
      reviews.push(res.body);
    }
    const auto = await as(admin).post(`/competitions/${competition.id}/assignments`, { auto: true });
    expect(auto.status).toBe(201);
    expectFields(auto.body, ['created']);
    expectNumber(auto.body.created);

    const conflict = await as(experts[2]).post('/reviews/conflicts', {
      organizationId: late.user.organizationId,
      reason: 'Состою в правлении',
    });
    expect(conflict.status).toBe(201);
    expectUuid(conflict.body.id);
    expectFields(conflict.body, ['id', 'organizationId', 'organizationName', 'inn', 'reason', 'createdAt']);
    expect(conflict.body.inn).toMatch(/^\d{10}$/);
    const conflicts = expectPage(await as(experts[2]).get('/reviews/conflicts'));
    expect(conflicts.map((c) => c.id)).toEqual([conflict.body.id]);
    const byInn = await as(experts[1]).post('/reviews/conflicts', { inn: conflict.body.inn, reason: 'Родственник' });
    expect(byInn.status).toBe(201);
    expect(byInn.body.organizationId).toBe(late.user.organizationId);

    const declined = await as(experts[2]).post(`/reviews/${reviews[2].id}/decline`, { reason: 'Нет времени' });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');

    const criteria: { code: string; maxScore: number }[] = competition.criteria;
    const scores = Object.fromEntries(criteria.map((k) => [k.code, k.maxScore - 2]));
    for (const [i, expert] of experts.slice(0, 2).entries()) {
      const list = expectPage(await as(expert).get('/reviews'));
      expect(list).toHaveLength(1);
      for (const r of list) {
        expectFields(r, ['id', 'applicationId', 'title', 'status', 'dueAt']);
        expectIsoUtc(r.dueAt);
      }
      const one = await as(expert).get(`/reviews/${reviews[i].id}`);
      expect(one.status).toBe(200);
      expectFields(one.body, ['id', 'applicationId', 'status', 'scores', 'comment', 'total']);
      expect(one.body.status).toBe('assigned');

      const { [criteria[0].code]: _first, ...partial } = scores;
      const saved = await as(expert).put(`/reviews/${reviews[i].id}`, { scores: partial });
      expect(saved.status).toBe(200);
      expect(saved.body.status).toBe('in_progress');
      expectError(await as(expert).post(`/reviews/${reviews[i].id}/submit`), 422, 'INCOMPLETE');
      expectError(
        await as(expert).put(`/reviews/${reviews[i].id}`, { scores: { ...scores, nonexistent: 1 } }),
        400,
        'VALIDATION_FAILED',
      );
      expectError(
        await as(expert).put(`/reviews/${reviews[i].id}`, { scores: { ...scores, [criteria[0].code]: 11 } }),
        400,
        'VALIDATION_FAILED',
      );
      expect((await as(expert).put(`/reviews/${reviews[i].id}`, { scores, comment: 'Хороший проект' })).status).toBe(
        200,
      );
      const submitted = await as(expert).post(`/reviews/${reviews[i].id}/submit`);
      expect(submitted.status).toBe(200);
      expectFields(submitted.body, ['id', 'applicationId', 'status', 'scores', 'comment', 'total']);
      expect(submitted.body.status).toBe('submitted');
      expectNumber(submitted.body.total);
    }
    expectPage(await as(admin).get('/reviews'));

    const load = await as(admin).get(`/competitions/${competition.id}/experts`);
    expect(load.status).toBe(200);
    expect(load.body.items).toHaveLength(3);
    for (const e of load.body.items) {
      expectFields(e, ['expertId', 'fullName', 'assigned', 'submitted', 'meanTotal', 'leniency']);
      expectUuid(e.expertId);
      expectNullable(e.meanTotal, expectNumber);
      expectNullable(e.leniency, expectNumber);
    }
  });

  it('ranking, award proposal, results, anonymised reviews', async () => {
    const summary = await as(admin).get(`/competitions/${competition.id}/summary`);
    expect(summary.status).toBe(200);
    expectFields(summary.body, ['applications', 'consultations', 'reviews', 'divergent', 'failedNotifications']);
    expectFields(summary.body.consultations, ['requested', 'inProgress', 'completed', 'oldestWaitingSince']);
    expectNullable(summary.body.consultations.oldestWaitingSince, expectIsoUtc);
    expectFields(summary.body.reviews, ['assigned', 'inProgress', 'submitted', 'declined', 'overdue']);
    const export_ = await as(admin).get(`/competitions/${competition.id}/applications/export.csv`);
    expect(export_.status).toBe(200);
    expect(export_.headers['content-type']).toMatch(/^text\/csv/);
    expect(export_.text.startsWith('\uFEFF')).toBe(true);
    const ranking = await as(admin).get(`/competitions/${competition.id}/ranking`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.items).toHaveLength(1);
    for (const r of ranking.body.items) {
      expectFields(r, [
        'rank',
        'applicationId',
        'registrationNumber',
        'title',
        'organizationName',
        'requestedAmount',
        'score',
        'reviewsSubmitted',
        'needsExtraReview',
      ]);
      expectMoney(r.requestedAmount);
      expectNumber(r.score);
      expect(typeof r.needsExtraReview).toBe('boolean');
    }

    const proposal = await as(admin).get(`/competitions/${competition.id}/award-proposal`);
    expect(proposal.status).toBe(200);
    expectFields(proposal.body, ['items', 'total']);
    expectMoney(proposal.body.total);
    for (const p of proposal.body.items) {
      expectFields(p, ['applicationId', 'amount']);
      expectMoney(p.amount);
    }

    const path = `/competitions/${competition.id}/results`;
    expectError(await http.anonymous().get(path), 404);
    expectError(
      await as(admin).post(path, { awards: [{ applicationId: application.id, amount: '2000000.00' }] }),
      422,
      'BUDGET_EXCEEDED',
    );
    const announced = await as(admin).post(path, { awards: [{ applicationId: application.id, amount: 150000 }] });
    expect(announced.status).toBe(200);
    expectFields(announced.body, ['awarded', 'notAwarded', 'totalAwarded']);
    expect(announced.body).toMatchObject({ awarded: 1, notAwarded: 0, totalAwarded: '150000.00' });
    expectError(await as(admin).post(path, { awards: [] }), 409, 'ALREADY_ANNOUNCED');

    const results = await http.anonymous().get(path);
    expect(results.status).toBe(200);
    expect(results.body.items).toHaveLength(1);
    for (const r of results.body.items) {
      expectFields(r, [
        'applicationId',
        'registrationNumber',
        'title',
        'organizationName',
        'inn',
        'awardedAmount',
        'score',
      ]);
      expectMoney(r.awardedAmount);
      expectNumber(r.score);
    }

    const awarded = await as(ngo).get(`/applications/${application.id}`);
    expect(awarded.body).toMatchObject({ status: 'awarded', awardedAmount: '150000.00' });
    expectNumber(awarded.body.score);

    const reviews = await as(ngo).get(`/applications/${application.id}/reviews`);
    expect(reviews.status).toBe(200);
    expect(reviews.body.items).toHaveLength(2);
    for (const r of reviews.body.items) {
      expectFields(r, ['expertLabel', 'scores', 'total', 'comment']);
      expect(r).not.toHaveProperty('expertId');
      expectNumber(r.total);
    }
  });

  it('grants: list, get, agreement, report draft, submit, return, accept, public card', async () => {
    const list = expectPage(await as(ngo).get(`/grants?competitionId=${competition.id}`));
    expect(list).toHaveLength(1);
    const grant = list[0];
    const GRANT_FIELDS = ['id', 'applicationId', 'competitionId', 'organizationId', 'registrationNumber', 'title'];
    expectFields(grant, [...GRANT_FIELDS, 'amount', 'status', 'agreementNumber', 'agreementDate', 'reports']);
    expect(grant).toMatchObject({ applicationId: application.id, amount: '150000.00', status: 'awaiting_agreement' });
    for (const r of grant.reports) {
      expectFields(r, ['code', 'title', 'dueDate', 'status']);
      expectDate(r.dueDate);
    }
    expect((await as(ngo).get(`/grants/${grant.id}`)).body).toEqual(grant);
    expectError(await as(experts[0]).get(`/grants/${grant.id}`), 403);
    expectError(await as(rival).get(`/grants/${grant.id}`), 404);

    const agreement = await as(admin).post(`/grants/${grant.id}/agreement`, {
      agreementNumber: '7-ГП',
      agreementDate: '2026-12-15',
    });
    expect(agreement.status).toBe(200);
    expect(agreement.body).toMatchObject({ status: 'active', agreementNumber: '7-ГП', agreementDate: '2026-12-15' });
    expectError(
      await as(admin).post(`/grants/${grant.id}/agreement`, { agreementNumber: '8', agreementDate: '2026-12-16' }),
      409,
      'INVALID_TRANSITION',
    );

    const code = grant.reports[0].code;
    const path = `/grants/${grant.id}/reports/${code}`;
    const draft = await as(ngo).put(path, { narrative: 'Проект идёт по плану' });
    expect(draft.status).toBe(200);
    expectFields(draft.body, ['code', 'status', 'narrative', 'results', 'expenditures']);
    expect(draft.body.status).toBe('draft');
    const filled = await as(ngo).put(path, {
      results: draft.body.results.map((r: any) => ({ ...r, achieved: r.target })),
      expenditures: draft.body.expenditures.map((e: any) => ({ ...e, spent: Number(e.planned) })),
    });
    for (const r of filled.body.results) expectFields(r, ['indicator', 'target', 'achieved']);
    for (const e of filled.body.expenditures) expectFields(e, ['item', 'planned', 'spent']);
    const submitted = await as(ngo).post(`${path}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expectError(await as(ngo).put(path, { narrative: 'x' }), 409, 'NOT_EDITABLE');
    const returned = await as(consultant).post(`${path}/return`, { comment: 'Уточните расходы' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: 'Уточните расходы' });
    expect((await as(ngo).post(`${path}/submit`)).body.status).toBe('submitted');
    const accepted = await as(admin).post(`${path}/accept`, { comment: 'Принят' });
    expect(accepted.body.status).toBe('accepted');

    const card = await http.anonymous().get(`/public/grants/${grant.id}`);
    expect(card.status).toBe(200);
    expectFields(card.body, [
      'id',
      'organizationName',
      'inn',
      'title',
      'amount',
      'projectStart',
      'projectEnd',
      'status',
    ]);
    expect(card.body).not.toHaveProperty('agreementNumber');

    const other = await as(admin).post(`/grants/${grant.id}/terminate`, { reason: 'Проверка контракта' });
    expect(other.body).toMatchObject({ status: 'terminated', terminationReason: 'Проверка контракта' });
  });

  it('statistics: compile, job, snapshot, exports, report', async () => {
    const compile = await as(admin).request('POST', `/statistics/${year}/compile`);
    expect(compile.status).toBe(202);
    expectFields(compile.body, ['jobId']);
    const job = await as(admin).get(`/statistics/jobs/${compile.body.jobId}`);
    expect(job.status).toBe(200);
    expect(['waiting', 'active', 'completed', 'failed']).toContain(job.body.state);
    expectError(await as(consultant).get(`/statistics/${year - 20}`), 404);

    // No worker in this file: compile the snapshot the job would, with the same service.
    await ctx.api.get(StatisticsService).compile(year, null);
    const stats = await as(consultant).get(`/statistics/${year}`);
    expect(stats.status).toBe(200);
    expectFields(stats.body, ['year', 'compiledAt', 'figures']);
    expectIsoUtc(stats.body.compiledAt);
    const f = stats.body.figures;
    expectFields(f, [
      'competitions',
      'applications',
      'organizations',
      'amounts',
      'successRate',
      'consultantAssisted',
      'byDirection',
      'byCompetition',
    ]);
    expectFields(f.applications, [
      'started',
      'submitted',
      'notSubmitted',
      'withdrawn',
      'ineligible',
      'awarded',
      'notAwarded',
    ]);
    expect(f.applications.submitted).toBeGreaterThanOrEqual(2);
    expectFields(f.organizations, ['applicants', 'winners', 'firstTime']);
    expectFields(f.amounts, ['requested', 'awarded', 'coFinancing', 'averageAward']);
    for (const m of ['requested', 'awarded', 'coFinancing', 'averageAward']) expectMoney(f.amounts[m]);
    expect(f.amounts.awarded).toBe('150000.00');
    expectRate(f.successRate);
    expectFields(f.consultantAssisted, ['applications', 'submitted', 'awarded', 'successRate']);
    expectRate(f.consultantAssisted.successRate);
    for (const d of f.byDirection) {
      expectFields(d, ['direction', 'submitted', 'awarded', 'amountAwarded']);
      expectMoney(d.amountAwarded);
    }
    expect(Array.isArray(f.byCompetition)).toBe(true);

    const csv = await as(consultant).get(`/statistics/${year}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split(/\r?\n/)).toHaveLength(2);
    const json = await as(admin).get(`/statistics/${year}/export.json`);
    expect(json.status).toBe(200);
    expect(json.body.grants).toHaveLength(1);
    const report = await as(admin).get(`/statistics/${year}/report`);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/html/);

    expectError(await http.anonymous().get(`/public/reports/${year}`), 404);
    const published = await as(admin).post(`/statistics/${year}/publish`);
    expect(published.status).toBe(200);
    const years = await http.anonymous().get('/public/reports');
    expect(years.status).toBe(200);
    expect(years.body.items).toHaveLength(1);
    expectFields(years.body.items[0], ['year', 'publishedAt']);
    expectIsoUtc(years.body.items[0].publishedAt);
    const publicReport = await http.anonymous().get(`/public/reports/${year}`);
    expect(publicReport.status).toBe(200);
    expectFields(publicReport.body, ['year', 'compiledAt', 'publishedAt', 'figures', 'headline', 'headlineEn']);
    expectIsoUtc(publicReport.body.compiledAt);
    expectIsoUtc(publicReport.body.publishedAt);
    expect(publicReport.body.figures.year).toBe(year);
  });

  it('notifications, audit and health', async () => {
    const mine = expectPage(await as(ngo).get('/me/notifications'));
    expect(mine.length).toBeGreaterThan(0);
    for (const n of mine) {
      expectFields(n, ['id', 'template', 'subject', 'status', 'createdAt', 'sentAt']);
      expectUuid(n.id);
      expectIsoUtc(n.createdAt);
      expectNullable(n.sentAt, expectIsoUtc);
    }
    // A delivery that failed for good, as the worker records it after the last attempt.
    await db.query(`UPDATE notifications SET status = 'failed', last_error = '550 mailbox unavailable' WHERE id = $1`, [
      mine[0].id,
    ]);
    const failed = expectPage(await as(admin).get('/notifications?status=failed'));
    expect(failed.map((n) => n.id)).toEqual([mine[0].id]);
    expect(failed[0].lastError).toBe('550 mailbox unavailable');
    const retried = await as(admin).post(`/notifications/${mine[0].id}/retry`);
    expect(retried.status).toBe(200);
    expectFields(retried.body, ['id', 'status']);
    expect(retried.body.status).not.toBe('failed');
    expectError(await as(ngo).get('/notifications'), 403);

    const audit = expectPage(await as(admin).get('/audit?pageSize=100'), 1, 100);
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) {
      expectFields(a, ['actorId', 'action', 'target', 'at']);
      expectIsoUtc(a.at);
    }

    const health = await http.anonymous().get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });

  it('sends ids, times, dates and money in their API.md formats in every JSON response above', () => {
    expect(ContractClient.violations).toEqual([]);
  });

  it('maps CSRF_REJECTED to 403', () => {
    expect(statusOf('CSRF_REJECTED')).toBe(403);
  });

  it('maps every business error code of API.md to 409 or 422', () => {
    for (const code of ERROR_CODES_OF_API_MD) {
      expect([409, 422]).toContain(statusOf(code as never));
    }
  });

  describe('OpenAPI document', () => {
    let doc: any;
    beforeAll(async () => {
      const res = await http.anonymous().get('/api/docs-json');
      expect(res.status).toBe(200);
      doc = res.body;
    });
    const operation = (endpoint: string) => {
      const [method, path] = endpoint.split(' ');
      return doc.paths[`/api/v1${path}`]?.[method.toLowerCase()];
    };

    it('types every field, declares security on every operation, and has a server and a license', () => {
      const untyped: string[] = [];
      const visit = (schema: any, at: string) => {
        if (!schema || typeof schema !== 'object') return;
        if (schema.nullable && !schema.type) untyped.push(`${at} (nullable without type)`);
        if (schema.type === 'object' && !schema.properties && !schema.additionalProperties) untyped.push(at);
        for (const [name, prop] of Object.entries<any>(schema.properties ?? {})) visit(prop, `${at}.${name}`);
        for (const [i, alt] of (schema.oneOf ?? []).entries()) visit(alt, `${at}.oneOf[${i}]`);
        if (schema.items) visit(schema.items, `${at}[]`);
      };
      for (const [name, schema] of Object.entries<any>(doc.components.schemas)) {
        if (name !== 'ErrorResponse') visit(schema, name);
      }
      expect(untyped).toEqual([]);
      const withoutSecurity = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
        Object.entries<any>(item)
          .filter(([, op]) => !op.security)
          .map(([method]) => `${method} ${path}`),
      );
      expect(withoutSecurity).toEqual([]);
      for (const endpoint of PUBLIC_ENDPOINTS) {
        const security = operation(endpoint)?.security;
        if (security)
          expect({
            endpoint,
            public: security.length === 0 || security.some((s: object) => !Object.keys(s).length),
          }).toEqual({ endpoint, public: true });
      }
      expect(doc.servers.length).toBeGreaterThan(0);
      expect(doc.info.license.name).toBe('MIT');
    });

    it('lists every endpoint of API.md', () => {
      expect({ missing: API_MD_ENDPOINTS.filter((e) => !operation(e)) }).toEqual({ missing: [] });
    });

    it.each(API_MD_ENDPOINTS)('%s has a summary, its auth, a success response and documented errors', (endpoint) => {
      const op = operation(endpoint);
      expect(op).toBeDefined();
      expect(op.summary).toEqual(expect.any(String));
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      expect(success).toHaveLength(1);
      const { content } = op.responses[success[0]];
      expect(content).toBeDefined();
      const schema = Object.values<any>(content)[0].schema;
      expect(schema).toBeDefined();
      if (!PUBLIC_ENDPOINTS.has(endpoint)) {
        expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
        expect(op.responses['401']).toBeDefined();
      }
      const expected =
        endpoint === 'POST /competitions/{id}/applications'
          ? 201
          : endpoint === 'POST /statistics/{year}/compile'
            ? 202
            : 0;
      if (expected) expect(success[0]).toBe(String(expected));
    });

    it('documents the status of each create and action as API.md says', () => {
      const status = (e: string) => Object.keys(operation(e).responses).find((s) => /^2\d\d$/.test(s));
      const creates = API_MD_ENDPOINTS.filter((e) =>
        /^POST \/(auth\/register|users|competitions|competitions\/\{id\}\/(applications|assignments)|applications\/\{id\}\/consultations|reviews\/conflicts)$/.test(
          e,
        ),
      );
      expect(creates).toHaveLength(7);
      for (const e of creates) expect({ e, status: status(e) }).toEqual({ e, status: '201' });
      const actions = API_MD_ENDPOINTS.filter(
        (e) => e.startsWith('POST ') && !creates.includes(e) && e !== 'POST /statistics/{year}/compile',
      );
      for (const e of actions) expect({ e, status: status(e) }).toEqual({ e, status: '200' });
    });

    it('offers page and pageSize (max 100) on every list', () => {
      const lists = [
        'GET /me/notifications',
        'GET /users',
        'GET /competitions',
        'GET /applications',
        'GET /consultations',
        'GET /reviews',
        'GET /reviews/conflicts',
        'GET /notifications',
        'GET /audit',
        'GET /grants',
      ];
      for (const e of lists) {
        const params = (operation(e).parameters ?? []).filter((p: any) => p.in === 'query');
        const names = params.map((p: any) => p.name);
        expect({ e, names }).toEqual({ e, names: expect.arrayContaining(['page', 'pageSize']) });
        expect(params.find((p: any) => p.name === 'pageSize').schema.maximum).toBe(100);
      }
    });

    it('documents money in requests as a string or a number', () => {
      const schemas = doc.components.schemas;
      const inputs: [string, string][] = [
        ['CreateCompetitionDto', 'totalBudget'],
        ['CreateCompetitionDto', 'maxGrantAmount'],
        ['CreateApplicationDto', 'requestedAmount'],
        ['CreateApplicationDto', 'coFinancingAmount'],
        ['BudgetLineInput', 'amount'],
        ['AwardInput', 'amount'],
      ];
      for (const [schema, field] of inputs) {
        const types = (schemas[schema].properties[field].oneOf ?? []).map((o: any) => o.type).sort();
        expect({ schema, field, types }).toEqual({ schema, field, types: ['number', 'string'] });
      }
    });

    it('describes errors with the error shape and the codes of API.md', () => {
      const text = JSON.stringify(doc);
      for (const code of ERROR_CODES_OF_API_MD)
        expect({ code, documented: text.includes(code) }).toEqual({
          code,
          documented: true,
        });
      expect(Object.keys(doc.components.schemas.ErrorResponse.properties).sort()).toEqual(
        ['code', 'error', 'message', 'statusCode'].sort(),
      );
    });
  });
});
