/**
 * `npm test`: the three runners one after another, each run even when an earlier one failed:
 * Jest (unit specs and the api's end-to-end suites), Vitest (the portal's components and hooks) and
 * Playwright (the portal in Chromium against the built api and worker; needs `npm run build`).
 * Arguments go to Jest. With TEST_REPORT_DIR set, each runner also writes a JSON report there
 * (jest.json, vitest.json, playwright.json) for CI's closing line.
 */
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const reports = process.env.TEST_REPORT_DIR;

const runs = [
  [
    bin('jest'),
    [
      '--maxWorkers=2',
      ...(reports ? ['--json', `--outputFile=${join(reports, 'jest.json')}`] : []),
      ...process.argv.slice(2),
    ],
  ],
  [
    bin('vitest'),
    [
      'run',
      '--config',
      'apps/web/vite.config.ts',
      ...(reports
        ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`]
        : []),
    ],
  ],
  [
    bin('playwright'),
    ['test', '--config', 'apps/web/playwright.config.ts', ...(reports ? ['--reporter=list,json'] : [])],
  ],
];

let failed = false;
for (const [command, args] of runs) {
  const env = { ...process.env, ...(reports ? { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') } : {}) };
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
