import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import {
  accountToken,
  AccountTokenKind,
  AccountsService,
  DEFAULT_CRITERIA,
  StatisticsPublicationService,
  StatisticsService,
} from '@grants/domain';
import { FileStore } from '@grants/storage';
import {
  competitionBody,
  createCompetition,
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  documentUpload,
  fixtures,
  multipart,
  insertApplication,
  insertCompetition,
  insertGrant,
  insertReview,
  loginAdmin,
  registerNgo,
  registrationBody,
  Session,
  submitApplication,
  TestContext,
  uniqueInn,
} from '@grants/testing';

/*
 * Every operation of the api's OpenAPI document × every kind of caller, with the expected status
 * of the real response (API.md: missing token 401, a role that may never call 403, a resource
 * outside the caller's scope 404). A new endpoint without a row here fails the completeness test.
 */

type Who = 'anonymous' | 'own' | 'foreign' | 'consultant' | 'expert' | 'otherExpert' | 'admin';
/** `own`/`foreign`: applicants of the organization that owns the target and of another one; `expert` is assigned to the target review, `otherExpert` is not. */
const WHO: Who[] = ['anonymous', 'own', 'foreign', 'consultant', 'expert', 'otherExpert', 'admin'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Call {
  path: string;
  body?: unknown;
  /** A token of another user of the caller's kind, for calls that end the caller's sessions. */
  token?: string;
}

interface Row {
  /** The OpenAPI operation: method and templated path without the `/api/v1` prefix. */
  op: string;
  /** What this row's target is, when an operation has several rows. */
  variant?: string;
  /** The request for one caller; called once per caller, so a mutation may get a fresh target each time. */
  call: (who: Who) => Promise<Call>;
  expect: Record<Who, number>;
}

const same = (status: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
  anonymous: status,
  own: status,
  foreign: status,
  consultant: status,
  expert: status,
  otherExpert: status,
  admin: status,
  ...overrides,
});
/** A protected endpoint: 401 without a token, 403 for every role not listed. */
const only = (allowed: Partial<Record<Who, number>>) => same(403, { anonymous: 401, ...allowed });
const anyUser = (status: number, overrides: Partial<Record<Who, number>> = {}) =>
  same(status, { anonymous: 401, ...overrides });

const DAY = 86_400_000;
const fixed = (path: string, body?: unknown) => async (): Promise<Call> => ({ path, body });

describe('Access matrix: every operation × every caller', () => {
  let ctx: TestContext;
  let db: DataSource;
  const s = {} as Record<Exclude<Who, 'anonymous'>, Session>;
  let otherConsultant: Session;

  let open: { id: string };
  let draftCompetition: { id: string };
  /** A competition in review: the own NGO's application under review with a review of `expert`. */
  let review: { id: string; ownApplication: string; foreignApplication: string; reviewId: string };
  /** An announced competition with the own NGO's awarded application. */
  let announced: { id: string; ownApplication: string };
  /** An active grant of the own NGO. */
  let grant: string;
  let compiledYear: number;
  const neverCompiledYear = 2001;
  let statisticsJobId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
    s.admin = await loginAdmin(ctx.http);
    [s.consultant, otherConsultant, s.expert, s.otherExpert, s.own, s.foreign] = await Promise.all([
      createStaff(ctx.http, s.admin, 'consultant'),
      createStaff(ctx.http, s.admin, 'consultant'),
      createStaff(ctx.http, s.admin, 'expert'),
      createStaff(ctx.http, s.admin, 'expert'),
      registerNgo(ctx.http),
      registerNgo(ctx.http),
    ]);
    open = await createOpenCompetition(ctx.http, s.admin);
    draftCompetition = await createCompetition(ctx.http, s.admin);

    const reviewId = await insertCompetition(db, { status: 'review', submissionDeadline: new Date(Date.now() - DAY) });
    const ownApplication = await insertApplication(db, reviewId, s.own, 'under_review');
    const foreignApplication = await insertApplication(db, reviewId, s.foreign, 'under_review');
    review = {
      id: reviewId,
      ownApplication,
      foreignApplication,
      reviewId: await insertReview(db, {
        applicationId: ownApplication,
        competitionId: reviewId,
        expertId: s.expert.user.id,
        dueAt: new Date(Date.now() + 10 * DAY),
      }),
    };

    const announcedId = await insertCompetition(db, {
      status: 'results_announced',
      submissionDeadline: new Date(Date.now() - 40 * DAY),
    });
    await db.query(`UPDATE competitions SET announced_at = now() WHERE id = $1`, [announcedId]);
    const awarded = await insertApplication(db, announcedId, s.own, 'awarded');
    await db.query(`UPDATE applications SET awarded_amount = 150000, score = 80 WHERE id = $1`, [awarded]);
    await insertReview(db, {
      applicationId: awarded,
      competitionId: announcedId,
      expertId: s.expert.user.id,
      status: 'submitted',
      dueAt: new Date(Date.now() - 10 * DAY),
    });
    announced = { id: announcedId, ownApplication: awarded };

    grant = (await insertGrant(db, s.own)).grantId;

    compiledYear = new Date().getUTCFullYear();
    await ctx.api.get(StatisticsService).compile(compiledYear, null);
    await ctx.api
      .get(StatisticsPublicationService)
      .publish({ id: s.admin.user.id, role: 'admin', organizationId: null }, compiledYear);
    const job = await ctx.http.as(s.admin).post(`/statistics/${compiledYear}/compile`);
    expect(job.status).toBe(202);
    statisticsJobId = job.body.jobId;
  });
  afterAll(() => ctx?.close());

  // Fresh targets for calls that change state.
  const draft = (ngo: Session = s.own) => createDraftApplication(ctx.http, ngo, open.id);
  const submitted = async () => submitApplication(ctx.http, s.own, (await draft()).id);
  const consultation = async () => {
    const app = await draft();
    const res = await ctx.http.as(s.own).post(`/applications/${app.id}/consultations`, { question: 'Вопрос' });
    return res.body as { id: string; applicationId: string };
  };
  const takenConsultation = async (by: Session) => {
    const c = await consultation();
    const res = await ctx.http.as(by).post(`/consultations/${c.id}/take`);
    if (res.status !== 200) throw new Error(`take failed: ${res.status} ${res.text}`);
    return c;
  };
  /** A review of `expert` of a fresh application of the own NGO in the review competition. */
  const freshReview = async (scored = false) => {
    const applicationId = await insertApplication(db, review.id, s.own, 'under_review');
    const id = await insertReview(db, {
      applicationId,
      competitionId: review.id,
      expertId: s.expert.user.id,
      dueAt: new Date(Date.now() + 10 * DAY),
    });
    if (scored) {
      const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.code, 7]));
      const res = await ctx.http.as(s.expert).put(`/reviews/${id}`, { scores });
      if (res.status !== 200) throw new Error(`scoring failed: ${res.status} ${res.text}`);
    }
    return id;
  };
  const emptyReviewCompetition = () =>
    insertCompetition(db, { status: 'review', submissionDeadline: new Date(Date.now() - DAY) });
  const failedNotification = async () => {
    const [{ id }] = await db.query(
      `INSERT INTO notifications (user_id, email, template, dedupe_key, status, attempts, last_error)
       VALUES ($1, $2, 'application.submitted', $3, 'failed', 6, '550 mailbox unavailable') RETURNING id`,
      [s.own.user.id, s.own.user.email, `matrix:${randomUUID()}`],
    );
    return id as string;
  };
  /** A document of a fresh own draft, uploaded through the API. */
  const draftDocument = async () => {
    const app = await draft();
    const res = await ctx.http
      .as(s.own)
      .upload(`/applications/${app.id}/documents`, documentUpload('charter', 'Устав.pdf', fixtures.pdf()));
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
    return res.body as { id: string };
  };
  /** A document of the own application under review (assigned to `expert`), stored as an upload would be. */
  const reviewDocument = async () => {
    const bytes = fixtures.pdf();
    const storageKey = `applications/${review.ownApplication}/${randomUUID()}`;
    await ctx.api.get(FileStore).write(storageKey, Readable.from([bytes]));
    const [{ id }] = await db.query(
      `INSERT INTO application_documents (application_id, type, file_name, size, content_type, sha256, storage_key, uploaded_by)
       VALUES ($1, 'charter', 'Устав.pdf', $2, 'application/pdf', $3, $4, $5) RETURNING id`,
      [
        review.ownApplication,
        bytes.length,
        createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        s.own.user.id,
      ],
    );
    return id as string;
  };
  /** A document of the own grant's final report, uploaded as the NGO would. */
  const reportDocument = async () => {
    const res = await ctx.http
      .as(s.own)
      .upload(
        `/grants/${grant}/reports/final/documents`,
        multipart([{ name: 'file', file: { fileName: 'Акт.pdf', content: fixtures.pdf() } }]),
      );
    if (res.status !== 201) throw new Error(`report upload failed: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const bystanderOrganization = async () => {
    const [{ id }] = await db.query(
      `INSERT INTO organizations (full_name, short_name, inn) VALUES ('АНО «Сторонняя»', 'Сторонняя', $1) RETURNING id`,
      [uniqueInn()],
    );
    return id as string;
  };

  /** Another user of the caller's kind, so ending its sessions leaves the matrix's own tokens valid. */
  const standIn = async (who: Who): Promise<string | undefined> => {
    if (who === 'anonymous') return undefined;
    if (who === 'own' || who === 'foreign') return (await registerNgo(ctx.http)).accessToken;
    const role = who === 'otherExpert' ? 'expert' : who;
    return (await createStaff(ctx.http, s.admin, role)).accessToken;
  };

  /** A valid one-time token of a mail link, as the mail would carry it. */
  const mailToken = async (
    kind: AccountTokenKind,
    fields: { userId?: string; organizationId?: string; email?: string },
  ): Promise<string> => {
    const { id } = await db.transaction((m) => ctx.api.get(AccountsService).createToken(m, kind, 3600_000, fields));
    return accountToken(id, ctx.config.values.JWT_SECRET);
  };
  /** A new member of the own organization, joined by invitation. */
  const ownColleague = async (): Promise<string> => {
    const token = await mailToken('invitation', {
      organizationId: s.own.user.organizationId!,
      email: `colleague-${randomUUID()}@example.org`,
    });
    const res = await ctx.http
      .anonymous()
      .post('/auth/accept-invitation', { token, fullName: 'Коллега', password: 'colleague-password' });
    if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${res.text}`);
    return res.body.user.id as string;
  };
  const PASSWORDS = { ngo: 'correct-horse-battery', staff: 'staff-password-123' };

  const rows: Row[] = [
    // Health and auth
    { op: 'GET /health', call: fixed('/health'), expect: same(200) },
    {
      op: 'POST /auth/register',
      call: async () => ({ path: '/auth/register', body: registrationBody() }),
      expect: same(201),
    },
    {
      op: 'POST /auth/login',
      call: async () => ({ path: '/auth/login', body: { email: s.own.user.email, password: s.own.password } }),
      expect: same(200),
    },
    { op: 'GET /me', call: fixed('/me'), expect: anyUser(200) },
    { op: 'POST /auth/logout', call: fixed('/auth/logout'), expect: anyUser(204) },
    {
      op: 'POST /auth/logout-everywhere',
      call: async (who) => ({ path: '/auth/logout-everywhere', token: await standIn(who) }),
      expect: anyUser(204),
    },
    { op: 'GET /me/notifications', call: fixed('/me/notifications'), expect: anyUser(200) },
    { op: 'PATCH /me', call: fixed('/me', { locale: 'ru' }), expect: anyUser(200) },
    {
      op: 'POST /me/password',
      call: async (who) => ({
        path: '/me/password',
        token: await standIn(who),
        body: {
          currentPassword: who === 'own' || who === 'foreign' ? PASSWORDS.ngo : PASSWORDS.staff,
          newPassword: 'a-new-password-for-the-matrix',
        },
      }),
      expect: anyUser(204),
    },
    {
      op: 'POST /auth/password-reset',
      call: fixed('/auth/password-reset', { email: 'nobody@example.org' }),
      expect: same(202),
    },
    {
      op: 'POST /auth/password-reset/confirm',
      call: async () => {
        const ngo = await registerNgo(ctx.http);
        const token = await mailToken('password_reset', { userId: ngo.user.id });
        return { path: '/auth/password-reset/confirm', body: { token, password: 'a-new-password-for-the-matrix' } };
      },
      expect: same(200),
    },
    {
      op: 'POST /auth/verify-email',
      call: async () => {
        const ngo = await registerNgo(ctx.http);
        return {
          path: '/auth/verify-email',
          body: { token: await mailToken('email_verification', { userId: ngo.user.id }) },
        };
      },
      expect: same(200),
    },
    { op: 'POST /auth/verify-email/resend', call: fixed('/auth/verify-email/resend'), expect: anyUser(202) },
    {
      op: 'POST /auth/accept-invitation',
      call: async () => {
        const token = await mailToken('invitation', {
          organizationId: s.own.user.organizationId!,
          email: `invited-${randomUUID()}@example.org`,
        });
        return {
          path: '/auth/accept-invitation',
          body: { token, fullName: 'Коллега', password: 'colleague-password' },
        };
      },
      expect: same(201),
    },
    {
      op: 'PATCH /users/{id}',
      call: async () => ({ path: `/users/${s.otherExpert.user.id}`, body: { fullName: 'Петров Иван Сергеевич' } }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'PATCH /organizations/{id}',
      call: async () => ({ path: `/organizations/${s.own.user.organizationId}`, body: { phone: '+7 391 000-00-00' } }),
      expect: only({ own: 200, foreign: 404, admin: 200 }),
    },
    {
      op: 'GET /organizations/{id}/members',
      call: async () => ({ path: `/organizations/${s.own.user.organizationId}/members` }),
      expect: only({ own: 200, foreign: 404, admin: 200 }),
    },
    {
      op: 'POST /organizations/{id}/invitations',
      call: async () => ({
        path: `/organizations/${s.own.user.organizationId}/invitations`,
        body: { email: `invitee-${randomUUID()}@example.org` },
      }),
      expect: only({ own: 201, foreign: 404 }),
    },
    {
      op: 'DELETE /organizations/{id}/members/{userId}',
      call: async () => ({ path: `/organizations/${s.own.user.organizationId}/members/${await ownColleague()}` }),
      expect: only({ own: 204, foreign: 404, admin: 204 }),
    },
    {
      op: 'POST /users',
      call: async () => ({
        path: '/users',
        body: {
          email: `matrix-${randomUUID()}@rc.example.org`,
          password: 'staff-password-123',
          fullName: 'Орлова Ольга',
          role: 'expert',
        },
      }),
      expect: only({ admin: 201 }),
    },
    { op: 'GET /users', call: fixed('/users'), expect: only({ admin: 200 }) },
    {
      op: 'GET /organizations/{id}',
      call: async () => ({ path: `/organizations/${s.own.user.organizationId}` }),
      expect: only({ own: 200, foreign: 404, consultant: 200, admin: 200 }),
    },

    // Competitions
    {
      op: 'POST /competitions',
      call: async () => ({ path: '/competitions', body: competitionBody() }),
      expect: only({ admin: 201 }),
    },
    {
      op: 'PATCH /competitions/{id}',
      call: async () => ({ path: `/competitions/${draftCompetition.id}`, body: { description: 'Уточнено' } }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /competitions/{id}/publish',
      call: async () => ({ path: `/competitions/${(await createCompetition(ctx.http, s.admin)).id}/publish` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /competitions/{id}/close',
      call: async () => ({ path: `/competitions/${(await createOpenCompetition(ctx.http, s.admin)).id}/close` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /competitions/{id}/archive',
      call: async () => {
        const id = await insertCompetition(db, {
          status: 'results_announced',
          submissionDeadline: new Date(Date.now() - 40 * DAY),
        });
        return { path: `/competitions/${id}/archive` };
      },
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /competitions/{id}/cancel',
      call: async () => ({
        path: `/competitions/${(await createCompetition(ctx.http, s.admin)).id}/cancel`,
        body: { reason: 'Отмена' },
      }),
      expect: only({ admin: 200 }),
    },
    { op: 'GET /competitions', call: fixed('/competitions'), expect: same(200) },
    {
      op: 'GET /competitions/{id}',
      variant: 'open',
      call: async () => ({ path: `/competitions/${open.id}` }),
      expect: same(200),
    },
    {
      op: 'GET /competitions/{id}',
      variant: 'draft',
      call: async () => ({ path: `/competitions/${draftCompetition.id}` }),
      expect: same(404, { admin: 200 }),
    },
    {
      op: 'GET /competitions/{id}/calendar.ics',
      variant: 'open',
      call: async () => ({ path: `/competitions/${open.id}/calendar.ics` }),
      expect: same(200),
    },
    {
      op: 'GET /competitions/{id}/calendar.ics',
      variant: 'draft',
      call: async () => ({ path: `/competitions/${draftCompetition.id}/calendar.ics` }),
      expect: same(404),
    },
    {
      op: 'GET /competitions/{id}/ranking',
      call: async () => ({ path: `/competitions/${review.id}/ranking` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /competitions/{id}/summary',
      call: async () => ({ path: `/competitions/${review.id}/summary` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /competitions/{id}/applications/export.csv',
      call: async () => ({ path: `/competitions/${review.id}/applications/export.csv` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /competitions/{id}/award-proposal',
      call: async () => ({ path: `/competitions/${review.id}/award-proposal` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /competitions/{id}/results',
      call: async () => ({ path: `/competitions/${await emptyReviewCompetition()}/results`, body: { awards: [] } }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /competitions/{id}/results',
      variant: 'announced',
      call: async () => ({ path: `/competitions/${announced.id}/results` }),
      expect: same(200),
    },
    {
      op: 'GET /competitions/{id}/results',
      variant: 'in review',
      call: async () => ({ path: `/competitions/${review.id}/results` }),
      expect: same(404),
    },
    {
      op: 'POST /competitions/{id}/assignments',
      call: async () => ({ path: `/competitions/${await emptyReviewCompetition()}/assignments`, body: { auto: true } }),
      expect: only({ admin: 201 }),
    },
    {
      op: 'GET /competitions/{id}/experts',
      call: async () => ({ path: `/competitions/${review.id}/experts` }),
      expect: only({ admin: 200 }),
    },

    // Applications
    {
      op: 'POST /competitions/{id}/applications',
      variant: 'open',
      call: async () => ({ path: `/competitions/${open.id}/applications`, body: { title: 'Проект' } }),
      expect: only({ own: 201, foreign: 201 }),
    },
    {
      op: 'POST /competitions/{id}/applications',
      variant: 'draft',
      call: async () => ({ path: `/competitions/${draftCompetition.id}/applications`, body: { title: 'Проект' } }),
      expect: only({ own: 404, foreign: 404 }),
    },
    { op: 'GET /applications', call: fixed('/applications'), expect: anyUser(200) },
    {
      op: 'GET /applications/{id}',
      variant: 'draft',
      call: async () => ({ path: `/applications/${(await draft()).id}` }),
      expect: anyUser(404, { own: 200, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}',
      variant: 'draft with a consultation',
      call: async () => ({ path: `/applications/${(await consultation()).applicationId}` }),
      expect: anyUser(404, { own: 200, consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}',
      variant: 'under review',
      call: async () => ({ path: `/applications/${review.ownApplication}` }),
      expect: anyUser(404, { own: 200, expert: 200, admin: 200 }),
    },
    {
      op: 'PATCH /applications/{id}',
      call: async () => ({ path: `/applications/${(await draft()).id}`, body: { summary: 'Новое описание' } }),
      expect: only({ own: 200, foreign: 404 }),
    },
    {
      op: 'POST /applications/{id}/submit',
      call: async () => ({ path: `/applications/${(await draft()).id}/submit` }),
      expect: only({ own: 200, foreign: 404 }),
    },
    {
      op: 'POST /applications/{id}/withdraw',
      call: async () => ({ path: `/applications/${(await draft()).id}/withdraw` }),
      expect: only({ own: 200, foreign: 404 }),
    },
    {
      op: 'POST /applications/{id}/ineligible',
      call: async () => ({ path: `/applications/${(await submitted()).id}/ineligible`, body: { reason: 'Не СО НКО' } }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/checklist',
      variant: 'draft',
      call: async () => ({ path: `/applications/${(await draft()).id}/checklist` }),
      expect: only({ own: 200, foreign: 404, consultant: 404, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/checklist',
      variant: 'draft with a consultation',
      call: async () => ({ path: `/applications/${(await consultation()).applicationId}/checklist` }),
      expect: only({ own: 200, foreign: 404, consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/events',
      call: async () => ({ path: `/applications/${review.ownApplication}/events` }),
      expect: only({ own: 200, foreign: 404, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/reviews',
      variant: 'announced',
      call: async () => ({ path: `/applications/${announced.ownApplication}/reviews` }),
      expect: only({ own: 200, foreign: 404, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/reviews',
      variant: 'before announcement',
      call: async () => ({ path: `/applications/${review.ownApplication}/reviews` }),
      expect: only({ own: 404, foreign: 404, admin: 200 }),
    },

    {
      op: 'GET /applications/{id}/snapshot',
      variant: 'submitted',
      call: async () => ({ path: `/applications/${(await submitted()).id}/snapshot` }),
      expect: anyUser(404, { own: 200, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/snapshot',
      variant: 'draft',
      call: async () => ({ path: `/applications/${(await draft()).id}/snapshot` }),
      expect: anyUser(404),
    },

    // Documents
    {
      op: 'POST /applications/{id}/documents',
      call: async () => ({
        path: `/applications/${(await draft()).id}/documents`,
        body: documentUpload('charter', 'Устав организации.pdf', fixtures.pdf()),
      }),
      expect: only({ own: 201, foreign: 404 }),
    },
    {
      op: 'GET /applications/{id}/documents',
      variant: 'draft',
      call: async () => ({ path: `/applications/${(await draft()).id}/documents` }),
      expect: anyUser(404, { own: 200, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/documents',
      variant: 'draft with a consultation',
      call: async () => ({ path: `/applications/${(await consultation()).applicationId}/documents` }),
      expect: anyUser(404, { own: 200, consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /applications/{id}/documents',
      variant: 'under review',
      call: async () => ({ path: `/applications/${review.ownApplication}/documents` }),
      expect: anyUser(404, { own: 200, expert: 200, admin: 200 }),
    },
    {
      op: 'GET /documents/{id}',
      variant: 'of a draft',
      call: async () => ({ path: `/documents/${(await draftDocument()).id}` }),
      expect: anyUser(404, { own: 200, admin: 200 }),
    },
    {
      op: 'GET /documents/{id}',
      variant: 'of an application under review',
      call: async () => ({ path: `/documents/${await reviewDocument()}` }),
      expect: anyUser(404, { own: 200, expert: 200, admin: 200 }),
    },
    {
      op: 'DELETE /documents/{id}',
      call: async () => ({ path: `/documents/${(await draftDocument()).id}` }),
      expect: only({ own: 204, foreign: 404 }),
    },

    // Consultations
    {
      op: 'POST /applications/{id}/consultations',
      call: async () => ({
        path: `/applications/${(await draft()).id}/consultations`,
        body: { question: 'Как быть?' },
      }),
      expect: only({ own: 201, foreign: 404 }),
    },
    {
      op: 'GET /consultations',
      call: fixed('/consultations'),
      expect: only({ own: 200, foreign: 200, consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /consultations/{id}',
      call: async () => ({ path: `/consultations/${(await consultation()).id}` }),
      expect: only({ own: 200, foreign: 404, consultant: 200, admin: 200 }),
    },
    {
      op: 'POST /consultations/{id}/take',
      call: async () => ({ path: `/consultations/${(await consultation()).id}/take` }),
      expect: only({ consultant: 200 }),
    },
    {
      op: 'POST /consultations/{id}/complete',
      variant: 'taken by the caller consultant',
      call: async () => ({
        path: `/consultations/${(await takenConsultation(s.consultant)).id}/complete`,
        body: { comment: 'Готово', verdict: 'ready' },
      }),
      expect: only({ consultant: 200 }),
    },
    {
      op: 'POST /consultations/{id}/complete',
      variant: 'taken by another consultant',
      call: async () => ({
        path: `/consultations/${(await takenConsultation(otherConsultant)).id}/complete`,
        body: { comment: 'Готово', verdict: 'ready' },
      }),
      expect: only({ consultant: 409 }),
    },

    // Reviews
    {
      op: 'POST /reviews/conflicts',
      call: async () => ({
        path: '/reviews/conflicts',
        body: { organizationId: await bystanderOrganization(), reason: 'Родственник' },
      }),
      expect: only({ expert: 201, otherExpert: 201 }),
    },
    {
      op: 'GET /reviews/conflicts',
      call: fixed('/reviews/conflicts'),
      expect: only({ expert: 200, otherExpert: 200 }),
    },
    { op: 'GET /reviews', call: fixed('/reviews'), expect: only({ expert: 200, otherExpert: 200, admin: 200 }) },
    {
      op: 'GET /reviews/{id}',
      call: async () => ({ path: `/reviews/${review.reviewId}` }),
      expect: only({ expert: 200, otherExpert: 404, admin: 200 }),
    },
    {
      op: 'PUT /reviews/{id}',
      call: async () => ({
        path: `/reviews/${await freshReview()}`,
        body: { scores: { [DEFAULT_CRITERIA[0].code]: 5 } },
      }),
      expect: only({ expert: 200, otherExpert: 404 }),
    },
    {
      op: 'POST /reviews/{id}/submit',
      call: async () => ({ path: `/reviews/${await freshReview(true)}/submit` }),
      expect: only({ expert: 200, otherExpert: 404 }),
    },
    {
      op: 'POST /reviews/{id}/decline',
      call: async () => ({ path: `/reviews/${await freshReview()}/decline`, body: { reason: 'Конфликт интересов' } }),
      expect: only({ expert: 200, otherExpert: 404 }),
    },

    // Statistics
    {
      op: 'POST /statistics/{year}/compile',
      call: async () => ({ path: `/statistics/${compiledYear}/compile` }),
      expect: only({ admin: 202 }),
    },
    {
      op: 'GET /statistics/jobs/{jobId}',
      variant: 'existing job',
      call: async () => ({ path: `/statistics/jobs/${statisticsJobId}` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /statistics/jobs/{jobId}',
      variant: 'unknown job',
      call: fixed('/statistics/jobs/no-such-job'),
      expect: only({ admin: 404 }),
    },
    {
      op: 'GET /statistics/{year}',
      variant: 'compiled',
      call: async () => ({ path: `/statistics/${compiledYear}` }),
      expect: only({ consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /statistics/{year}',
      variant: 'never compiled',
      call: fixed(`/statistics/${neverCompiledYear}`),
      expect: only({ consultant: 404, admin: 404 }),
    },
    {
      op: 'GET /statistics/{year}/export.csv',
      call: async () => ({ path: `/statistics/${compiledYear}/export.csv` }),
      expect: only({ consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /statistics/{year}/export.json',
      call: async () => ({ path: `/statistics/${compiledYear}/export.json` }),
      expect: only({ consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /statistics/{year}/report',
      variant: 'compiled',
      call: async () => ({ path: `/statistics/${compiledYear}/report` }),
      expect: only({ consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /statistics/{year}/report',
      variant: 'never compiled',
      call: fixed(`/statistics/${neverCompiledYear}/report`),
      expect: only({ consultant: 404, admin: 404 }),
    },

    {
      op: 'POST /statistics/{year}/publish',
      variant: 'compiled',
      call: async () => ({ path: `/statistics/${compiledYear}/publish` }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /statistics/{year}/publish',
      variant: 'never compiled',
      call: fixed(`/statistics/${neverCompiledYear}/publish`),
      expect: only({ admin: 404 }),
    },
    { op: 'GET /public/reports', call: fixed('/public/reports'), expect: same(200) },
    {
      op: 'GET /public/reports/{year}',
      variant: 'published',
      call: async () => ({ path: `/public/reports/${compiledYear}` }),
      expect: same(200),
    },
    {
      op: 'GET /public/reports/{year}',
      variant: 'never published',
      call: fixed(`/public/reports/${neverCompiledYear}`),
      expect: same(404),
    },

    // Notifications and audit
    { op: 'GET /notifications', call: fixed('/notifications?status=failed'), expect: only({ admin: 200 }) },
    {
      op: 'POST /notifications/{id}/retry',
      call: async () => ({ path: `/notifications/${await failedNotification()}/retry` }),
      expect: only({ admin: 200 }),
    },
    { op: 'GET /audit', call: fixed('/audit'), expect: only({ admin: 200 }) },

    // Grants after the award
    {
      op: 'GET /grants',
      call: fixed('/grants'),
      expect: only({ own: 200, foreign: 200, consultant: 200, admin: 200 }),
    },
    {
      op: 'GET /grants/{id}',
      call: async () => ({ path: `/grants/${grant}` }),
      expect: only({ own: 200, foreign: 404, consultant: 200, admin: 200 }),
    },
    {
      op: 'POST /grants/{id}/agreement',
      call: async () => ({
        path: `/grants/${(await insertGrant(db, s.own, { status: 'awaiting_agreement' })).grantId}/agreement`,
        body: { agreementNumber: '5-ГП', agreementDate: '2026-12-01' },
      }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'POST /grants/{id}/terminate',
      call: async () => ({
        path: `/grants/${(await insertGrant(db, s.own)).grantId}/terminate`,
        body: { reason: 'Отказ организации' },
      }),
      expect: only({ admin: 200 }),
    },
    {
      op: 'GET /grants/{id}/reports/{code}',
      call: async () => ({ path: `/grants/${grant}/reports/interim` }),
      expect: only({ own: 200, foreign: 404, consultant: 200, admin: 200 }),
    },
    {
      op: 'PUT /grants/{id}/reports/{code}',
      call: async () => ({ path: `/grants/${grant}/reports/final`, body: { narrative: 'Работа идёт' } }),
      expect: only({ own: 200, foreign: 404 }),
    },
    {
      op: 'POST /grants/{id}/reports/{code}/submit',
      call: async () => ({
        path: `/grants/${(await insertGrant(db, s.own, { report: 'draft' })).grantId}/reports/interim/submit`,
      }),
      expect: only({ own: 200, foreign: 404 }),
    },
    {
      op: 'POST /grants/{id}/reports/{code}/accept',
      call: async () => ({
        path: `/grants/${(await insertGrant(db, s.own, { report: 'submitted' })).grantId}/reports/interim/accept`,
        body: {},
      }),
      expect: only({ consultant: 200, admin: 200 }),
    },
    {
      op: 'POST /grants/{id}/reports/{code}/return',
      call: async () => ({
        path: `/grants/${(await insertGrant(db, s.own, { report: 'submitted' })).grantId}/reports/interim/return`,
        body: { comment: 'Уточните расходы' },
      }),
      expect: only({ consultant: 200, admin: 200 }),
    },
    { op: 'GET /public/grants/{id}', call: async () => ({ path: `/public/grants/${grant}` }), expect: same(200) },
    {
      op: 'POST /grants/{id}/reports/{code}/documents',
      call: async () => ({
        path: `/grants/${grant}/reports/final/documents`,
        body: multipart([{ name: 'file', file: { fileName: 'Акт.pdf', content: fixtures.pdf() } }]),
      }),
      expect: only({ own: 201, foreign: 404 }),
    },
    {
      op: 'GET /grants/{id}/reports/{code}/documents/{documentId}',
      call: async () => ({ path: `/grants/${grant}/reports/final/documents/${await reportDocument()}` }),
      expect: only({ own: 200, foreign: 404, consultant: 200, admin: 200 }),
    },
    {
      op: 'DELETE /grants/{id}/reports/{code}/documents/{documentId}',
      call: async () => ({ path: `/grants/${grant}/reports/final/documents/${await reportDocument()}` }),
      expect: only({ own: 204, foreign: 404 }),
    },
  ];

  const methodOf = (op: string) => op.split(' ')[0] as Method;
  const templateOf = (op: string) => op.split(' ')[1];
  const matches = (template: string, path: string) =>
    new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(
      path.split('?')[0],
    );

  it('has a row for every operation of the OpenAPI document, and no row without one', async () => {
    const res = await ctx.http.anonymous().get('/api/docs-json');
    expect(res.status).toBe(200);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => !path.startsWith('/api/docs'))
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((k) => ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(k))
          .map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1(?=\/)/, '')}`),
      )
      .sort();
    expect(operations.length).toBeGreaterThan(40);
    const covered = [...new Set(rows.map((r) => r.op))].sort();
    expect({ withoutRow: operations.filter((o) => !covered.includes(o)) }).toEqual({ withoutRow: [] });
    expect({ rowWithoutOperation: covered.filter((o) => !operations.includes(o)) }).toEqual({
      rowWithoutOperation: [],
    });
  });

  it('answers 401 to a forged or expired token wherever a missing token is a 401', async () => {
    const claims = { sub: s.admin.user.id, role: 'admin', org: null };
    const tokens = {
      forged: new JwtService({ secret: 'not-the-secret-not-the-secret-1234' }).sign(claims),
      expired: new JwtService({ secret: ctx.config.values.JWT_SECRET }).sign({
        ...claims,
        exp: Math.floor(Date.now() / 1000) - 60,
      }),
    };
    const refused: Record<string, number[]> = {};
    for (const row of rows.filter((r) => r.expect.anonymous === 401)) {
      const { path, body } = await row.call('admin');
      const method = methodOf(row.op);
      refused[row.op] = [];
      for (const token of Object.values(tokens)) {
        refused[row.op].push(
          (await ctx.http.as(token).request(method, path, body ?? (method === 'GET' ? undefined : {}))).status,
        );
      }
    }
    expect(Object.entries(refused).filter(([, statuses]) => statuses.some((st) => st !== 401))).toEqual([]);
    expect(Object.keys(refused).length).toBeGreaterThan(40);
  });

  it('keeps scoped lists scoped: the own target shows in a list only for callers that may see it', async () => {
    const asked = await consultation();
    const lists: Array<{ path: string; id: string; visibleTo: Who[] }> = [
      { path: '/competitions?pageSize=100', id: draftCompetition.id, visibleTo: ['admin'] },
      {
        path: `/applications?competitionId=${review.id}&pageSize=100`,
        id: review.ownApplication,
        visibleTo: ['own', 'expert', 'admin'],
      },
      { path: `/applications?pageSize=100`, id: asked.applicationId, visibleTo: ['own', 'consultant', 'admin'] },
      { path: '/consultations?pageSize=100', id: asked.id, visibleTo: ['own', 'consultant', 'admin'] },
      { path: `/reviews?competitionId=${review.id}&pageSize=100`, id: review.reviewId, visibleTo: ['expert', 'admin'] },
      { path: '/grants?pageSize=100', id: grant, visibleTo: ['own', 'consultant', 'admin'] },
    ];
    const seen: Record<string, Who[]> = {};
    const expected: Record<string, Who[]> = {};
    for (const list of lists) {
      expected[list.path] = list.visibleTo;
      seen[list.path] = [];
      for (const who of WHO) {
        const client = who === 'anonymous' ? ctx.http.anonymous() : ctx.http.as(s[who]);
        const res = await client.get(list.path);
        if (res.status === 200 && (res.body.items as Array<{ id: string }>).some((i) => i.id === list.id))
          seen[list.path].push(who);
      }
    }
    expect(seen).toEqual(expected);
  });

  for (const row of rows) {
    const title = `${row.op}${row.variant ? ` (${row.variant})` : ''}`;
    it(`${title}: ${WHO.map((w) => `${w} ${row.expect[w]}`).join(', ')}`, async () => {
      const actual = {} as Record<Who, number>;
      for (const who of WHO) {
        const { path, body, token } = await row.call(who);
        expect(matches(templateOf(row.op), path)).toBe(true);
        const client = who === 'anonymous' ? ctx.http.anonymous() : ctx.http.as(token ?? s[who]);
        const method = methodOf(row.op);
        actual[who] = (await client.request(method, path, body ?? (method === 'GET' ? undefined : {}))).status;
      }
      expect(actual).toEqual(row.expect);
    });
  }
});
