import { randomInt } from 'node:crypto';
import { innFrom, ogrnFrom } from '@grants/domain';
import { HttpClient } from './http-client';
import { TEST_ADMIN } from './test-context';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}${randomInt(1000)}`;

/** A fresh valid INN (10 digits with checksum). */
export function uniqueInn(): string {
  return innFrom(String(randomInt(100_000_000, 999_999_999)));
}

export function uniqueOgrn(): string {
  return ogrnFrom(`10224${String(randomInt(1_000_000, 9_999_999))}`);
}

export interface Session {
  accessToken: string;
  user: { id: string; email: string; fullName: string; role: string; locale: string; organizationId: string | null };
  password: string;
}

export function registrationBody(overrides: Record<string, any> = {}) {
  const id = next();
  return {
    email: `ngo-${id}@example.org`,
    password: 'correct-horse-battery',
    fullName: 'Иванова Мария Петровна',
    ...overrides,
    organization: {
      fullName: `Местная общественная организация «Наш город ${id}»`,
      shortName: 'Наш город',
      inn: uniqueInn(),
      ogrn: uniqueOgrn(),
      municipality: 'г. Лесосибирск',
      ...(overrides.organization ?? {}),
    },
  };
}

/** Registers an NGO with its first applicant; returns the applicant's session. */
export async function registerNgo(http: HttpClient, overrides: Record<string, any> = {}): Promise<Session> {
  const body = registrationBody(overrides);
  const res = await http.anonymous().post('/auth/register', body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return { ...res.body, password: body.password };
}

export async function login(http: HttpClient, email: string, password: string): Promise<Session> {
  const res = await http.anonymous().post('/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return { ...res.body, password };
}

export const loginAdmin = (http: HttpClient) => login(http, TEST_ADMIN.email, TEST_ADMIN.password);

/** Creates a consultant, expert or admin through the admin API and logs it in. */
export async function createStaff(
  http: HttpClient,
  admin: Session,
  role: 'consultant' | 'expert' | 'admin',
  overrides: Record<string, any> = {},
): Promise<Session> {
  const body = {
    email: `${role}-${next()}@rc.example.org`,
    password: 'staff-password-123',
    fullName: role === 'expert' ? 'Петров Иван Сергеевич' : 'Сидорова Анна Викторовна',
    role,
    ...overrides,
  };
  const res = await http.as(admin).post('/users', body);
  if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${res.text}`);
  return login(http, body.email, body.password);
}
