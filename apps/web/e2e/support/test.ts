import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test as base } from '@playwright/test';
import { Api } from './api';
import { type Server, startServer } from './server';

/** The one failed request the portal expects: GET /me of a visitor without a session. */
const EXPECTED_FAILURES = [/ 401 .*\/api\/v1\/me$/];

interface TestFixtures {
  /** The api for setting up data (Bearer tokens, no browser). */
  api: Api;
  /** Console errors, page errors and failed requests of this test; must stay empty. */
  problems: string[];
  /** Declares a failed request this test provokes on purpose: `allowFailure(/ 404 .*\/competitions\//)`. */
  allowFailure: (pattern: RegExp) => void;
  allowed: RegExp[];
}

/**
 * Every test of the portal: a server per worker (own database, queue prefix, ports, SMTP sink),
 * `baseURL` pointing at it, and a guard that fails the test on any console error, uncaught page
 * error or failed request it did not expect.
 */
export const test = base.extend<TestFixtures, { server: Server }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  api: async ({ server }, use) => use(new Api(server.url)),
  problems: async ({}, use) => use([]),
  allowed: async ({}, use) => use([...EXPECTED_FAILURES]),
  allowFailure: async ({ allowed }, use) => use((pattern) => void allowed.push(pattern)),
  page: async ({ page, problems, allowed }, use) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      // Chromium reports failed requests in the console too; those are judged by the response guard below.
      if (/^Failed to load resource: the server responded with a status of/.test(text)) return;
      problems.push(`console: ${text}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const line = `${response.request().method()} ${response.status()} ${response.url()}`;
      if (!allowed.some((re) => re.test(line))) problems.push(`request: ${line}`);
    });
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? '';
      if (failure !== 'net::ERR_ABORTED')
        problems.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
    });
    await use(page);
    expect(problems, 'console errors and failed requests').toEqual([]);
  },
});

export { expect };

/** axe-core over the page as shown: no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(bad, 'serious or critical accessibility violations').toEqual([]);
}

/** No horizontal scrolling (the portal must work at 360 px). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
}
