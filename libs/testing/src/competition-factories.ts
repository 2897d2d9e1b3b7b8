import { HttpClient } from './http-client';
import { Session } from './factories';

type Overrides = Record<string, any>;

const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The default document types with none required, so suites about other rules submit without attaching
 * files; the documents suite leaves `documentTypes` out (`{ documentTypes: undefined }`) to get the
 * real default with its required charter.
 */
export const OPTIONAL_DOCUMENT_TYPES = [
  { code: 'charter', title: 'Устав организации', required: false },
  { code: 'budget', title: 'Смета проекта', required: false },
  { code: 'letters', title: 'Письма поддержки', required: false },
  { code: 'other', title: 'Иные документы', required: false },
];

/** A complete, valid competition body: deadlines in the future, two directions, default criteria, no required documents. */
export function competitionBody(overrides: Overrides = {}) {
  const now = Date.now();
  return {
    title: 'Конкурс социально значимых проектов «Город для всех»',
    description: 'Муниципальный грантовый конкурс для СО НКО',
    year: new Date(now).getUTCFullYear(),
    fundingSource: 'Бюджет города Лесосибирска',
    submissionOpensAt: iso(now + DAY),
    submissionDeadline: iso(now + 8 * DAY),
    reviewDeadline: iso(now + 30 * DAY),
    totalBudget: '1000000.00',
    maxGrantAmount: '300000.00',
    minCoFinancingPercent: 10,
    directions: [
      { code: 'social', title: 'Социальная поддержка и защита граждан' },
      { code: 'culture', title: 'Поддержка проектов в области культуры и искусства' },
    ],
    documentTypes: OPTIONAL_DOCUMENT_TYPES,
    ...overrides,
  };
}

/** Creates a draft competition as `admin`; returns the competition response. */
export async function createCompetition(http: HttpClient, admin: Session, overrides: Overrides = {}) {
  const res = await http.as(admin).post('/competitions', competitionBody(overrides));
  if (res.status !== 201) throw new Error(`create competition failed: ${res.status} ${res.text}`);
  return res.body;
}

/**
 * Creates and publishes a competition whose submission window is open now
 * (opened a minute ago, deadline in 7 days unless overridden).
 */
export async function createOpenCompetition(http: HttpClient, admin: Session, overrides: Overrides = {}) {
  const now = Date.now();
  const competition = await createCompetition(http, admin, {
    submissionOpensAt: iso(now - 60_000),
    submissionDeadline: iso(now + 7 * DAY),
    reviewDeadline: iso(now + 30 * DAY),
    ...overrides,
  });
  const res = await http.as(admin).post(`/competitions/${competition.id}/publish`);
  if (res.status !== 200) throw new Error(`publish competition failed: ${res.status} ${res.text}`);
  return res.body;
}

/** A complete application body that passes every submit check of `competitionBody()`'s rules. */
export function applicationBody(overrides: Overrides = {}) {
  const year = new Date().getUTCFullYear() + 1;
  return {
    title: 'Серебряное волонтерство: старшее поколение помогает городу',
    summary: 'Вовлечение людей старшего возраста в добровольческую деятельность',
    direction: 'social',
    requestedAmount: '200000.00',
    coFinancingAmount: '50000.00',
    projectStart: `${year}-02-01`,
    projectEnd: `${year}-11-30`,
    goals: 'Создать в городе клуб серебряных волонтеров',
    expectedResults: [{ indicator: 'Число вовлеченных волонтеров', target: '120 человек' }],
    budgetLines: [
      { item: 'Оплата труда координатора', amount: '120000.00' },
      { item: 'Расходные материалы', amount: '80000.00' },
    ],
    geography: 'г. Лесосибирск',
    ...overrides,
  };
}

/** Creates a complete draft application of the NGO in an open competition. */
export async function createDraftApplication(
  http: HttpClient,
  ngo: Session,
  competitionId: string,
  overrides: Overrides = {},
) {
  const res = await http.as(ngo).post(`/competitions/${competitionId}/applications`, applicationBody(overrides));
  if (res.status !== 201) throw new Error(`create application failed: ${res.status} ${res.text}`);
  return res.body;
}

/** Submits the application; returns it with its registration number. */
export async function submitApplication(http: HttpClient, ngo: Session, applicationId: string) {
  const res = await http.as(ngo).post(`/applications/${applicationId}/submit`);
  if (res.status !== 200) throw new Error(`submit application failed: ${res.status} ${res.text}`);
  return res.body;
}
