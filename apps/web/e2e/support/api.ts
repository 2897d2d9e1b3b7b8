/** The administrator every test server seeds (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-for-e2e' };

const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The api as a test's setup uses it (Bearer tokens, plain fetch): data for the browser to find. It imports
 * nothing, so the portal bench (scripts/bench/portal.bench.ts) seeds its data with it too.
 */
export class Api {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<Api> {
    const { accessToken } = await this.request<{ accessToken: string }>('POST', '/auth/login', { email, password });
    return new Api(this.url, accessToken);
  }

  asAdmin() {
    return this.login(ADMIN.email, ADMIN.password);
  }

  /** A published competition accepting applications now (opened an hour ago, deadline in 7 days). */
  async openCompetition(overrides: Record<string, unknown> = {}) {
    const now = Date.now();
    const competition = await this.request('POST', '/competitions', {
      title: 'Конкурс социально значимых проектов «Город для всех»',
      description: 'Муниципальный грантовый конкурс для социально ориентированных НКО Лесосибирска.',
      year: new Date(now).getUTCFullYear(),
      fundingSource: 'Бюджет города Лесосибирска',
      timezone: 'Asia/Krasnoyarsk',
      submissionOpensAt: iso(now - 3600_000),
      submissionDeadline: iso(now + 7 * DAY),
      reviewDeadline: iso(now + 30 * DAY),
      totalBudget: '1000000.00',
      maxGrantAmount: '300000.00',
      minCoFinancingPercent: 10,
      directions: [
        { code: 'social', title: 'Социальная поддержка и защита граждан' },
        { code: 'culture', title: 'Поддержка проектов в области культуры и искусства' },
      ],
      ...overrides,
    });
    return this.request('POST', `/competitions/${competition.id}/publish`);
  }
}
