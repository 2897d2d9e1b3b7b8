/**
 * `npm run demo`: migrates the database, starts a mail catcher (maildev), the api and the worker,
 * seeds a sample competition of the Lesosibirsk Resource Center through the public API, prints the
 * URLs and logins, and stops everything on Ctrl-C. Safe to run twice: seeding skips what exists.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig } from '@grants/config';
import { migrateDatabase } from '@grants/database';
import { innFrom, ogrnFrom } from '@grants/domain';

const root = join(__dirname, '..', '..');
const MAIL_WEB_PORT = 1080;
const MAIL_SMTP_PORT = 1025;
const children: ChildProcess[] = [];

const DEMO_PASSWORD = 'demo-password-2026';

function start(name: string, command: string, args: string[], env: Record<string, string> = {}, quiet = false) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) out.write(prefix + line + '\n');
    });
  if (quiet) child.stdout!.resume();
  else forward(child.stdout!, process.stdout);
  forward(child.stderr!, process.stderr);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${prefix}exited with code ${code}; stopping the demo`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  process.exit(code);
}

async function waitFor(url: string, timeoutMs = 60000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up in ${timeoutMs / 1000} s`);
}

class Api {
  constructor(private readonly base: string) {}
  async call(method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  /** Uploads one document (multipart, as the portal does). */
  async upload(path: string, type: string, fileName: string, bytes: Buffer, token: string) {
    const form = new FormData();
    form.append('type', type);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  }
  async login(email: string, password: string): Promise<string | undefined> {
    const res = await this.call('POST', '/auth/login', { email, password });
    return res.status === 200 ? res.body.accessToken : undefined;
  }
}

/** A one-page PDF standing in for an organization's charter. */
function charterPdf(organization: string): Buffer {
  const text = `Charter of ${organization.replace(/[^\x20-\x7e]/g, '')}`.replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<</Type /Catalog /Pages 2 0 R>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>\nstream\n${stream}\nendstream`,
    '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<</Size ${objects.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function seed(api: Api, config: AppConfig) {
  const admin = await api.login(config.values.ADMIN_EMAIL, config.values.ADMIN_PASSWORD);
  if (!admin) throw new Error('Cannot log in as the admin from ADMIN_EMAIL/ADMIN_PASSWORD');

  const staff = [
    { email: 'consultant@grants.local', fullName: 'Кузнецова Ольга Николаевна', role: 'consultant' },
    { email: 'expert1@grants.local', fullName: 'Морозов Алексей Викторович', role: 'expert' },
    { email: 'expert2@grants.local', fullName: 'Волкова Елена Сергеевна', role: 'expert' },
    { email: 'expert3@grants.local', fullName: 'Соколов Дмитрий Андреевич', role: 'expert' },
  ];
  for (const s of staff) {
    if (await api.login(s.email, DEMO_PASSWORD)) continue;
    await api.call('POST', '/users', { ...s, password: DEMO_PASSWORD }, admin);
  }

  const ngos = [
    {
      email: 'silver@ngo.local',
      fullName: 'Белова Галина Ивановна',
      organization: {
        fullName: 'Лесосибирская местная общественная организация «Серебряные волонтеры»',
        shortName: 'Серебряные волонтеры',
        inn: innFrom('245400101'),
        ogrn: ogrnFrom('102240000101'),
        municipality: 'г. Лесосибирск',
      },
      project: {
        title: 'Серебряный возраст — активное долголетие',
        summary:
          'Клуб серебряных волонтеров: помощь одиноким пожилым жителям Лесосибирска и обучение цифровой грамотности.',
        direction: 'social',
      },
    },
    {
      email: 'simba@ngo.local',
      fullName: 'Орлова Наталья Павловна',
      organization: {
        fullName: 'Лесосибирская общественная организация защиты животных «Симба»',
        shortName: 'Симба',
        inn: innFrom('245400202'),
        ogrn: ogrnFrom('102240000202'),
        municipality: 'г. Лесосибирск',
      },
      project: {
        title: 'Ответственный хозяин: просвещение и стерилизация безнадзорных животных',
        summary: 'Просветительские занятия в школах и программа стерилизации безнадзорных животных.',
        direction: 'ecology',
      },
    },
  ];

  let competition = (await api.call('GET', '/competitions', undefined, admin)).body?.items?.find(
    (c: { title: string }) => c.title.startsWith('Лесосибирск — город инициатив'),
  );
  if (!competition) {
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    const created = await api.call(
      'POST',
      '/competitions',
      {
        title: 'Лесосибирск — город инициатив 2026',
        description:
          'Муниципальный конкурс социально значимых проектов социально ориентированных некоммерческих организаций города Лесосибирска.',
        year: new Date().getUTCFullYear(),
        fundingSource: 'Бюджет города Лесосибирска',
        timezone: 'Asia/Krasnoyarsk',
        submissionOpensAt: new Date(now - day).toISOString(),
        submissionDeadline: new Date(now + 14 * day).toISOString(),
        reviewDeadline: new Date(now + 30 * day).toISOString(),
        totalBudget: '1500000.00',
        maxGrantAmount: '300000.00',
        minCoFinancingPercent: 10,
        directions: [
          { code: 'social', title: 'Социальная поддержка и защита граждан' },
          { code: 'ecology', title: 'Охрана окружающей среды и защита животных' },
          { code: 'culture', title: 'Культура, просвещение и патриотическое воспитание' },
        ],
      },
      admin,
    );
    if (created.status !== 201) throw new Error(`Cannot create the demo competition: ${JSON.stringify(created.body)}`);
    competition = created.body;
    await api.call('POST', `/competitions/${competition.id}/publish`, {}, admin);
  }

  for (const ngo of ngos) {
    let token = await api.login(ngo.email, DEMO_PASSWORD);
    if (!token) {
      const res = await api.call('POST', '/auth/register', {
        email: ngo.email,
        password: DEMO_PASSWORD,
        fullName: ngo.fullName,
        organization: ngo.organization,
      });
      token = res.body?.accessToken;
    }
    const mine = await api.call('GET', `/applications?competitionId=${competition.id}`, undefined, token);
    let draft = mine.body?.items?.[0];
    if (!draft) {
      draft = (
        await api.call(
          'POST',
          `/competitions/${competition.id}/applications`,
          {
            ...ngo.project,
            requestedAmount: '250000.00',
            coFinancingAmount: '50000.00',
            geography: 'г. Лесосибирск',
            goals: 'Вовлечение жителей города в решение вопросов местного значения.',
            expectedResults: [{ indicator: 'Число участников', target: '150' }],
            budgetLines: [
              { item: 'Оплата труда специалистов', amount: '150000.00' },
              { item: 'Расходные материалы', amount: '100000.00' },
            ],
          },
          token,
        )
      ).body;
    }
    // Project dates a few weeks after the deadline, eight months long (also for a draft an older demo made).
    if (draft.status === 'draft' && !draft.projectStart) {
      const dayOf = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
      const dated = await api.call(
        'PATCH',
        `/applications/${draft.id}`,
        { projectStart: dayOf(45), projectEnd: dayOf(45 + 240) },
        token,
      );
      if (dated.status !== 200) throw new Error(`Cannot date the demo draft: ${JSON.stringify(dated.body)}`);
      draft = dated.body;
    }
    // The competition requires the charter: each draft gets one, so it can be submitted as it stands.
    const documents = await api.call('GET', `/applications/${draft.id}/documents`, undefined, token);
    if (draft.status === 'draft' && !documents.body?.items?.some((d: { type: string }) => d.type === 'charter')) {
      const charter = await api.upload(
        `/applications/${draft.id}/documents`,
        'charter',
        `Устав ${ngo.organization.shortName}.pdf`,
        charterPdf(ngo.organization.fullName),
        token!,
      );
      if (charter.status !== 201) throw new Error(`Cannot attach the demo charter: ${JSON.stringify(charter.body)}`);
    }
  }
  return competition;
}

async function main() {
  // Defaults already point SMTP at the mail catcher (127.0.0.1:1025) and run in development mode.
  const config = AppConfig.fromEnvironment();
  const applied = await migrateDatabase(config.values.DATABASE_URL);
  console.log(applied.length ? `Migrated: ${applied.join(', ')}` : 'Database is up to date');

  // Warnings only, unless LOG_LEVEL says otherwise: the URLs and logins below stay readable.
  const env = {
    NODE_ENV: config.values.NODE_ENV,
    SMTP_URL: config.values.SMTP_URL,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  // The mail catcher's banner and a line per mail would push the URLs and logins off the screen.
  start(
    'mail',
    join(root, 'node_modules', '.bin', 'maildev'),
    ['--smtp', String(MAIL_SMTP_PORT), '--web', String(MAIL_WEB_PORT), '--ip', '127.0.0.1'],
    {},
    true,
  );
  start('api', process.execPath, [join(root, 'dist', 'apps', 'api', 'src', 'main.js')], env);
  start('worker', process.execPath, [join(root, 'dist', 'apps', 'worker', 'src', 'main.js')], env);

  const apiUrl = `http://localhost:${config.values.PORT}`;
  await waitFor(`${apiUrl}/api/v1/health`);
  await waitFor(`http://127.0.0.1:${MAIL_WEB_PORT}/api/healthz`);
  const competition = await seed(new Api(apiUrl), config);

  console.log(`${apiUrl}/  (the portal; logins below)

Grants demo is running.
  Portal:        ${apiUrl}/
  Competition:   ${apiUrl}/competitions/${competition.id}
  API:           ${apiUrl}/api/v1
  OpenAPI UI:    ${apiUrl}/api/docs
  Mail catcher:  http://localhost:${MAIL_WEB_PORT}  (every mail the system sends)
  Worker health: http://localhost:${config.values.WORKER_HEALTH_PORT}/health

Logins (password for all but the admin: ${DEMO_PASSWORD}):
  admin       ${config.values.ADMIN_EMAIL} / ${config.values.ADMIN_PASSWORD}
  consultant  consultant@grants.local
  experts     expert1@grants.local, expert2@grants.local, expert3@grants.local
  NGOs        silver@ngo.local («Серебряные волонтеры»), simba@ngo.local («Симба»)

Press Ctrl-C to stop.`);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
