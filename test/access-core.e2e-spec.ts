import { DataSource } from 'typeorm';
import {
  competitionBody,
  createCompetition,
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

type Who = 'anonymous' | 'own' | 'foreign' | 'consultant' | 'expert' | 'admin';
const WHO: Who[] = ['anonymous', 'own', 'foreign', 'consultant', 'expert', 'admin'];

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
}

/** One endpoint: a fresh target per caller (mutations must not see each other) and the expected status per caller. */
interface Row {
  name: string;
  call: (who: Who) => Promise<Call>;
  expect: Record<Who, number>;
}

const everyone = (status: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
  anonymous: status,
  own: status,
  foreign: status,
  consultant: status,
  expert: status,
  admin: status,
  ...overrides,
});

describe('Access matrix of competitions, applications and consultations', () => {
  let ctx: TestContext;
  let db: DataSource;
  const sessions = {} as Record<Exclude<Who, 'anonymous'>, Session>;
  let open: { id: string };
  let draftCompetition: { id: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    db = ctx.api.get(DataSource);
    sessions.admin = await loginAdmin(ctx.http);
    sessions.consultant = await createStaff(ctx.http, sessions.admin, 'consultant');
    sessions.expert = await createStaff(ctx.http, sessions.admin, 'expert');
    sessions.own = await registerNgo(ctx.http);
    sessions.foreign = await registerNgo(ctx.http);
    open = await createOpenCompetition(ctx.http, sessions.admin);
    draftCompetition = await createCompetition(ctx.http, sessions.admin);
  });
  afterAll(() => ctx.close());

  const draft = () => createDraftApplication(ctx.http, sessions.own, open.id);
  const submitted = async () => submitApplication(ctx.http, sessions.own, (await draft()).id);
  const consultation = async () => {
    const app = await draft();
    const res = await ctx.http.as(sessions.own).post(`/applications/${app.id}/consultations`, { question: 'Вопрос' });
    return res.body as { id: string; applicationId: string };
  };

  const rows: Row[] = [
    {
      name: 'POST /competitions',
      call: async () => ({ method: 'POST', path: '/competitions', body: competitionBody() }),
      expect: everyone(403, { anonymous: 401, admin: 201 }),
    },
    {
      name: 'PATCH /competitions/:id',
      call: async () => ({
        method: 'PATCH',
        path: `/competitions/${draftCompetition.id}`,
        body: { description: 'Уточнено' },
      }),
      expect: everyone(403, { anonymous: 401, admin: 200 }),
    },
    {
      name: 'POST /competitions/:id/publish',
      call: async () => ({
        method: 'POST',
        path: `/competitions/${(await createCompetition(ctx.http, sessions.admin)).id}/publish`,
      }),
      expect: everyone(403, { anonymous: 401, admin: 200 }),
    },
    {
      name: 'POST /competitions/:id/close',
      call: async () => ({
        method: 'POST',
        path: `/competitions/${(await createOpenCompetition(ctx.http, sessions.admin)).id}/close`,
      }),
      expect: everyone(403, { anonymous: 401, admin: 200 }),
    },
    {
      name: 'POST /competitions/:id/cancel',
      call: async () => ({
        method: 'POST',
        path: `/competitions/${(await createCompetition(ctx.http, sessions.admin)).id}/cancel`,
        body: { reason: 'Отмена' },
      }),
      expect: everyone(403, { anonymous: 401, admin: 200 }),
    },
    { name: 'GET /competitions', call: async () => ({ method: 'GET', path: '/competitions' }), expect: everyone(200) },
    {
      name: 'GET /competitions/:open',
      call: async () => ({ method: 'GET', path: `/competitions/${open.id}` }),
      expect: everyone(200),
    },
    {
      name: 'GET /competitions/:draft',
      call: async () => ({ method: 'GET', path: `/competitions/${draftCompetition.id}` }),
      expect: everyone(404, { admin: 200 }),
    },
    {
      name: 'POST /competitions/:id/applications',
      call: async () => ({ method: 'POST', path: `/competitions/${open.id}/applications`, body: { title: 'Проект' } }),
      expect: everyone(403, { anonymous: 401, own: 201, foreign: 201 }),
    },
    {
      name: 'POST /competitions/:draft/applications',
      call: async () => ({
        method: 'POST',
        path: `/competitions/${draftCompetition.id}/applications`,
        body: { title: 'Проект' },
      }),
      expect: everyone(403, { anonymous: 401, own: 404, foreign: 404 }),
    },
    {
      name: 'GET /applications',
      call: async () => ({ method: 'GET', path: '/applications' }),
      expect: everyone(200, { anonymous: 401 }),
    },
    {
      name: 'GET /applications/:id (draft, no consultation)',
      call: async () => ({ method: 'GET', path: `/applications/${(await draft()).id}` }),
      expect: everyone(404, { anonymous: 401, own: 200, admin: 200 }),
    },
    {
      name: 'GET /applications/:id (consultation asked)',
      call: async () => ({ method: 'GET', path: `/applications/${(await consultation()).applicationId}` }),
      expect: everyone(404, { anonymous: 401, own: 200, consultant: 200, admin: 200 }),
    },
    {
      name: 'PATCH /applications/:id',
      call: async () => ({
        method: 'PATCH',
        path: `/applications/${(await draft()).id}`,
        body: { summary: 'Новое описание' },
      }),
      expect: everyone(403, { anonymous: 401, own: 200, foreign: 404 }),
    },
    {
      name: 'POST /applications/:id/submit',
      call: async () => ({ method: 'POST', path: `/applications/${(await draft()).id}/submit` }),
      expect: everyone(403, { anonymous: 401, own: 200, foreign: 404 }),
    },
    {
      name: 'POST /applications/:id/withdraw',
      call: async () => ({ method: 'POST', path: `/applications/${(await draft()).id}/withdraw` }),
      expect: everyone(403, { anonymous: 401, own: 200, foreign: 404 }),
    },
    {
      name: 'POST /applications/:id/ineligible',
      call: async () => ({
        method: 'POST',
        path: `/applications/${(await submitted()).id}/ineligible`,
        body: { reason: 'Не СО НКО' },
      }),
      expect: everyone(403, { anonymous: 401, admin: 200 }),
    },
    {
      name: 'GET /applications/:id/events',
      call: async () => ({ method: 'GET', path: `/applications/${(await submitted()).id}/events` }),
      expect: everyone(403, { anonymous: 401, own: 200, foreign: 404, admin: 200 }),
    },
    {
      name: 'POST /applications/:id/consultations',
      call: async () => ({
        method: 'POST',
        path: `/applications/${(await draft()).id}/consultations`,
        body: { question: 'Как быть?' },
      }),
      expect: everyone(403, { anonymous: 401, own: 201, foreign: 404 }),
    },
    {
      name: 'GET /consultations',
      call: async () => ({ method: 'GET', path: '/consultations' }),
      expect: everyone(200, { anonymous: 401, expert: 403 }),
    },
    {
      name: 'POST /consultations/:id/take',
      call: async () => ({ method: 'POST', path: `/consultations/${(await consultation()).id}/take` }),
      expect: everyone(403, { anonymous: 401, consultant: 200 }),
    },
    {
      name: 'POST /consultations/:id/complete',
      call: async () => {
        const c = await consultation();
        await ctx.http.as(sessions.consultant).post(`/consultations/${c.id}/take`);
        return {
          method: 'POST',
          path: `/consultations/${c.id}/complete`,
          body: { comment: 'Готово', verdict: 'ready' },
        };
      },
      expect: everyone(403, { anonymous: 401, consultant: 200 }),
    },
  ];

  for (const row of rows) {
    it(`${row.name}: ${WHO.map((w) => `${w} ${row.expect[w]}`).join(', ')}`, async () => {
      const actual = {} as Record<Who, number>;
      for (const who of WHO) {
        const { method, path, body } = await row.call(who);
        const client = who === 'anonymous' ? ctx.http.anonymous() : ctx.http.as(sessions[who]);
        actual[who] = (await client.request(method, path, body ?? (method === 'GET' ? undefined : {}))).status;
      }
      expect(actual).toEqual(row.expect);
    });
  }

  it('lets an expert see an application only once it is submitted and assigned to it (not declined)', async () => {
    const expert = sessions.expert;
    const app = await submitted();
    const path = `/applications/${app.id}`;
    expect((await ctx.http.as(expert).get(path)).status).toBe(404);
    await db.query(
      `INSERT INTO reviews (application_id, competition_id, expert_id, due_at) VALUES ($1, $2, $3, now() + interval '10 days')`,
      [app.id, open.id, expert.user.id],
    );
    expect((await ctx.http.as(expert).get(path)).status).toBe(200);
    const list = await ctx.http.as(expert).get('/applications');
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
    expect((await ctx.http.as(expert).get(`${path}/events`)).status).toBe(403);
    await db.query(`UPDATE reviews SET status = 'declined' WHERE application_id = $1`, [app.id]);
    expect((await ctx.http.as(expert).get(path)).status).toBe(404);
  });

  it('lists only own applications for an NGO and only consulted ones for a consultant', async () => {
    const foreignApp = await createDraftApplication(ctx.http, sessions.foreign, open.id);
    const own = await ctx.http.as(sessions.own).get('/applications?pageSize=100');
    expect(
      own.body.items.every((a: { organizationId: string }) => a.organizationId === sessions.own.user.organizationId),
    ).toBe(true);
    expect(own.body.items.map((a: { id: string }) => a.id)).not.toContain(foreignApp.id);
    const consultant = await ctx.http.as(sessions.consultant).get('/applications?pageSize=100');
    const [{ count }] = await db.query(`SELECT count(DISTINCT application_id)::int AS count FROM consultations`);
    expect(consultant.body.total).toBe(count);
    expect(consultant.body.items.map((a: { id: string }) => a.id)).not.toContain(foreignApp.id);
  });
});
