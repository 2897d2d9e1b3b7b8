import type { Page } from '@playwright/test';
import { Api } from './api';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A legal entity's INN with a valid checksum (from 9 random leading digits, never starting with 0). */
export function randomInn(): string {
  const nine = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = ([...nine].reduce((s, d, i) => s + w[i] * Number(d), 0) % 11) % 10;
  return nine + check;
}

function randomOgrn(): string {
  const twelve = `1${String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999))}`;
  return twelve + Number((BigInt(twelve) % 11n) % 10n);
}

export interface Person {
  api: Api;
  id: string;
  email: string;
  password: string;
  fullName: string;
  organizationId?: string;
}

/** A consultant or an expert created by the admin, signed in to the api. */
export async function staff(
  admin: Api,
  role: 'consultant' | 'expert',
  fullName: string,
  locale: 'ru' | 'en' = 'ru',
): Promise<Person> {
  const email = `${role}-${unique()}@rc.example.org`;
  const password = 'staff-password-123';
  const user = await admin.request('POST', '/users', { email, password, fullName, role, locale });
  return { api: await new Api(admin.url).login(email, password), id: user.id, email, password, fullName };
}

/** An NGO with its organization, registered and signed in to the api. */
export async function ngo(anyone: Api, organization: string, fullName = 'Иванова Светлана Петровна'): Promise<Person> {
  const email = `ngo-${unique()}@ngo.example.org`;
  const password = 'ngo-password-123';
  const { user } = await anyone.request('POST', '/auth/register', {
    email,
    password,
    fullName,
    organization: { fullName: organization, shortName: organization, inn: randomInn(), ogrn: randomOgrn() },
  });
  return {
    api: await new Api(anyone.url).login(email, password),
    id: user.id,
    email,
    password,
    fullName,
    organizationId: user.organizationId,
  };
}

/** A complete draft that passes every submit check of `openCompetition()`. */
export function applicationBody(overrides: Record<string, unknown> = {}) {
  const year = new Date().getUTCFullYear() + 1;
  return {
    title: 'Серебряное волонтёрство: старшее поколение помогает городу',
    summary: 'Вовлечение людей старшего возраста в добровольческую деятельность: клуб, обучение, городские акции.',
    direction: 'social',
    requestedAmount: '200000.00',
    coFinancingAmount: '50000.00',
    projectStart: `${year}-02-01`,
    projectEnd: `${year}-11-30`,
    goals: 'Создать в городе клуб серебряных волонтёров и провести 12 городских акций.',
    expectedResults: [{ indicator: 'Число вовлечённых волонтёров', target: '120 человек' }],
    budgetLines: [
      { item: 'Оплата труда координатора', amount: '120000.00' },
      { item: 'Расходные материалы', amount: '80000.00' },
    ],
    geography: 'г. Лесосибирск',
    ...overrides,
  };
}

export async function draft(applicant: Person, competitionId: string, overrides: Record<string, unknown> = {}) {
  return applicant.api.request('POST', `/competitions/${competitionId}/applications`, applicationBody(overrides));
}

/** Signs the browser in (the session cookie lands in the page's context) without the login form. */
export async function signIn(page: Page, person: { email: string; password: string }) {
  const res = await page.request.post('/api/v1/auth/login', {
    data: { email: person.email, password: person.password },
  });
  if (!res.ok()) throw new Error(`login of ${person.email} failed: ${res.status()}`);
}

/**
 * Everything the expert's pages loaded from the api, as text: what a network log would show.
 * Call before the first navigation; read `.bodies` at the end.
 */
export function recordApiResponses(page: Page) {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (!response.url().includes('/api/')) return;
    response.text().then(
      (text) => bodies.push(`${response.url()}\n${text}`),
      () => undefined,
    );
  });
  return { bodies };
}

/**
 * A competition in review: each NGO submitted one application before the close (through the api,
 * as in life), then the admin closed submission. Returns the competition and the applications.
 */
export async function reviewRound(
  admin: Api,
  applicants: Array<{ ngo: Person; title: string }>,
  overrides: Record<string, unknown> = { documentTypes: [] },
) {
  const competition = await admin.openCompetition(overrides);
  const applications = [];
  for (const { ngo: applicant, title } of applicants) {
    const created = await draft(applicant, competition.id, { title });
    applications.push(await applicant.api.request('POST', `/applications/${created.id}/submit`));
  }
  await admin.request('POST', `/competitions/${competition.id}/close`);
  for (let i = 0; i < 100; i++) {
    const now = await admin.request('GET', `/competitions/${competition.id}`);
    if (now.status === 'review') return { competition: now, applications };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the competition did not reach review');
}

export async function assign(admin: Api, competitionId: string, applicationId: string, expertId: string) {
  return admin.request('POST', `/competitions/${competitionId}/assignments`, { applicationId, expertId });
}

/**
 * The harness's guard for a page of another browser context (a second person): console errors,
 * page errors and failed requests go to the test's `problems`, unless `allowed`.
 */
export function guard(page: Page, problems: string[], allowed: RegExp[]) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/^Failed to load resource: the server responded with a status of/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const line = `${response.request().method()} ${response.status()} ${response.url()}`;
    if (!allowed.some((re) => re.test(line))) problems.push(`request: ${line}`);
  });
}
