import { randomBytes } from 'node:crypto';
import { Api } from './api';

/** A valid 10-digit INN of a legal entity (checksum per the Federal Tax Service), random otherwise. */
export function randomInn(): string {
  const digits = Array.from({ length: 9 }, () => randomBytes(1)[0] % 10);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (digits.reduce((s, d, i) => s + d * weights[i], 0) % 11) % 10;
  return [...digits, check].join('');
}

export interface Ngo {
  email: string;
  password: string;
  fullName: string;
  api: Api;
  organizationName: string;
}

/** An NGO registered through the API (the account pages are someone else's errand). */
export async function registerNgo(api: Api, name = 'АНО «Серебряный возраст»'): Promise<Ngo> {
  const email = `ngo-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@ngo.example.org`;
  const password = 'ngo-password-123';
  const fullName = 'Иванова Мария Петровна';
  await api.request('POST', '/auth/register', {
    email,
    password,
    fullName,
    organization: { fullName: `Автономная некоммерческая организация ${name}`, shortName: name, inn: randomInn() },
  });
  return { email, password, fullName, api: await api.login(email, password), organizationName: name };
}

/** A consultant of the Resource Center, created by the admin. */
export async function createConsultant(api: Api) {
  const admin = await api.asAdmin();
  const email = `consultant-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@rc.example.org`;
  await admin.request('POST', '/users', {
    email,
    password: 'consultant-password-1',
    fullName: 'Ольга Консультант',
    role: 'consultant',
  });
  return api.login(email, 'consultant-password-1');
}

/** Everything a complete draft holds (the budget adds up, co-financing 20 %). */
export function completeDraft() {
  const year = new Date().getUTCFullYear() + 1;
  return {
    title: 'Серебряное волонтёрство',
    summary: 'Вовлечение людей старшего возраста в добровольческую деятельность города.',
    direction: 'social',
    geography: 'г. Лесосибирск',
    projectStart: `${year}-02-01`,
    projectEnd: `${year}-11-30`,
    goals: 'Создать клуб серебряных волонтёров',
    expectedResults: [{ indicator: 'Вовлечённые волонтёры', target: '120 человек' }],
    requestedAmount: '200000.00',
    coFinancingAmount: '50000.00',
    budgetLines: [
      { item: 'Оплата труда координатора', amount: '120000.00' },
      { item: 'Расходные материалы', amount: '80000.00' },
    ],
  };
}

/** A small valid PDF: the charter the competition asks for. */
export function charterPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  );
}

/** Attaches a file through the API (multipart), for setups that are not the upload errand. */
export async function uploadDocument(ngo: Ngo, applicationId: string, type: string, name: string, content: Buffer) {
  const body = new FormData();
  body.append('type', type);
  body.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
  const res = await fetch(`${ngo.api.url}/api/v1/applications/${applicationId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${(ngo.api as unknown as { token: string }).token}` },
    body,
  });
  if (!res.ok) throw new Error(`upload → ${res.status} ${await res.text()}`);
  return res.json();
}
