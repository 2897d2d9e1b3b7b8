/**
 * Portal benchmarks against the built api serving the built portal (dist/web), in headless Chromium:
 * gzip JS and API calls per public route, and the cold LCP of a competition page, next to a bare static
 * HTML page served by the same api in the same run.
 */
import 'reflect-metadata';
import { chromium, Browser } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AppConfig } from '@grants/config';
import { dropDatabase, migrateDatabase } from '@grants/database';
import { Api } from '../../apps/web/e2e/support/api';
import { CHROMIUM } from '../../apps/web/e2e/support/chromium';
import { BenchResult, databaseUrl, freePort, root, round, startApp, stopApp, uniqueName } from './bench-support';

const JWT_SECRET = 'bench-secret-bench-secret-bench-secret';
const ADMIN = { email: 'admin@bench.local', password: 'admin-password-for-bench' };
const JS_BUDGET_KB = 150;
const LCP_BUDGET_MS = 1000;
const API_BUDGET = 5;
const LCP_RUNS = 5;
const BARE_HTML =
  '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Конкурс</title></head>' +
  '<body><h1>Конкурс социально значимых проектов «Город для всех»</h1></body></html>\n';

/** The LCP entry's start time, read in the page once it has settled (-1: none reported). */
const LCP_SCRIPT = `new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => resolve(-1), 5000);
})`;

interface Load {
  jsGzipBytes: number;
  allGzipBytes: number;
  apiCalls: number;
  lcpMs: number;
}

/** A published competition accepting applications, created and published through the API as the e2e tests do. */
async function seedCompetition(base: string): Promise<string> {
  const admin = await new Api(base).login(ADMIN.email, ADMIN.password);
  const competition = await admin.openCompetition();
  return competition.id as string;
}

/** One cold load (fresh context: empty cache, no cookies) of `url`. */
async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    let apiCalls = 0;
    const bodies: Promise<{ js: boolean; gzip: number }>[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname.startsWith('/api/')) apiCalls++;
    });
    page.on('response', (res) => {
      const type = res.headers()['content-type'] ?? '';
      const js = res.request().resourceType() === 'script' || /javascript/.test(type);
      bodies.push(
        res.body().then(
          (body) => ({ js, gzip: gzipSync(body, { level: 9 }).length }),
          () => ({ js, gzip: 0 }), // redirects and aborted responses carry no body
        ),
      );
    });
    // The page's own heading first (its chunk, strings and data have arrived), then quiet network:
    // waiting for network idle alone can end between the first chunks and the page's.
    await page.goto(url);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const lcpMs = (await page.evaluate(LCP_SCRIPT)) as number;
    const sizes = await Promise.all(bodies);
    return {
      jsGzipBytes: sizes.filter((s) => s.js).reduce((n, s) => n + s.gzip, 0),
      allGzipBytes: sizes.reduce((n, s) => n + s.gzip, 0),
      apiCalls,
      lcpMs,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => round(bytes / 1024);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

export async function benchPortal(): Promise<BenchResult[]> {
  const { DATABASE_URL } = AppConfig.fromEnvironment().values;
  const name = uniqueName('grants_bench');
  const url = databaseUrl(DATABASE_URL, name);
  // A temporary copy of the built portal with one bare static page beside it: the baseline.
  const webDir = mkdtempSync(join(tmpdir(), 'grants-bench-web-'));
  cpSync(join(root, 'dist', 'web'), webDir, { recursive: true });
  writeFileSync(join(webDir, 'bench.html'), BARE_HTML);
  await migrateDatabase(url);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startApp(
    'apps/api/src/main.js',
    {
      DATABASE_URL: url,
      PORT: String(port),
      JWT_SECRET,
      QUEUE_PREFIX: name,
      APP_URL: base,
      WEB_DIR: webDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    `${base}/api/v1/health`,
  );
  let browser: Browser | undefined;
  try {
    const id = await seedCompetition(base);
    browser = await chromium.launch({ ...CHROMIUM, headless: true });
    const bare = await load(browser, `${base}/bench.html`);
    const bareLcp: number[] = [bare.lcpMs];
    for (let i = 1; i < LCP_RUNS; i++) bareLcp.push((await load(browser, `${base}/bench.html`)).lcpMs);
    const rows: BenchResult[] = [];
    const routes = [
      '/',
      '/competitions',
      `/competitions/${id}`,
      `/competitions/${id}/results`,
      '/reports',
      '/login',
      '/register',
    ];
    let competitionLoad: Load | undefined;
    for (const route of routes) {
      const r = await load(browser, `${base}${route}`);
      if (route === `/competitions/${id}`) competitionLoad = r;
      const shown = route.replace(id, ':id');
      rows.push({
        name: `portal ${shown}: JS loaded (sum of gzip -9)`,
        value: kb(r.jsGzipBytes),
        unit: 'KB',
        baseline: kb(bare.allGzipBytes),
        baselineName: 'bare static HTML page, all bytes (gzip -9)',
        note: `budget ≤ ${JS_BUDGET_KB} KB: ${met(kb(r.jsGzipBytes) <= JS_BUDGET_KB)}; all responses ${kb(r.allGzipBytes)} KB gzip`,
      });
      rows.push({
        name: `portal ${shown}: API calls on load`,
        value: r.apiCalls,
        unit: 'requests',
        baseline: bare.apiCalls,
        baselineName: 'bare static HTML page',
        note: `budget ≤ ${API_BUDGET}: ${met(r.apiCalls <= API_BUDGET)}`,
      });
    }
    const lcp = [competitionLoad!.lcpMs];
    for (let i = 1; i < LCP_RUNS; i++) lcp.push((await load(browser, `${base}/competitions/${id}`)).lcpMs);
    const lcpMedian = round(median(lcp));
    rows.push({
      name: `portal /competitions/:id: LCP, cold (median of ${LCP_RUNS})`,
      value: lcpMedian,
      unit: 'ms',
      baseline: round(median(bareLcp)),
      baselineName: 'bare static HTML page, same api',
      note: `budget < ${LCP_BUDGET_MS} ms: ${met(lcpMedian > 0 && lcpMedian < LCP_BUDGET_MS)}; runs ${lcp.map((x) => Math.round(x)).join(', ')}`,
    });
    return rows;
  } finally {
    await browser?.close();
    await stopApp(app);
    await dropDatabase(url);
    rmSync(webDir, { recursive: true, force: true });
  }
}
