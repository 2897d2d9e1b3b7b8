import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './e2e/support/chromium';

/**
 * The portal in the system Chromium (never a downloaded browser) against the built api and worker:
 * each Playwright worker starts its own (database, queue prefix, ports, SMTP sink): see e2e/support/server.ts.
 * `npm run build` first. One file: `npx playwright test -c apps/web/playwright.config.ts e2e/visitor.e2e.ts`.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: '../../dist/playwright',
  // Two workers, each with its own api, worker and database: the suite in about two thirds of the time on two cores.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    launchOptions: CHROMIUM,
  },
});
