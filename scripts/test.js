/**
 * `npm test`: the three runners one after another, each run even when an earlier one failed:
 * Jest (unit specs and the api's end-to-end suites), Vitest (the portal's components and hooks) and
 * Playwright (the portal in Chromium against the built api and worker; needs `npm run build`).
 * Arguments go to Jest. With TEST_REPORT_DIR set, each runner also writes a JSON report there
 * (jest.json, vitest.json, playwright.json) for CI's closing line.
 */
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
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

// Playwright drives the built api, worker and portal: a fresh checkout builds them first.
const built = ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/web/index.html'];
if (!built.every((file) => existsSync(join(root, file)))) {
  const { status } = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

let failed = false;
for (const [command, args] of runs) {
  const env = { ...process.env, ...(reports ? { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') } : {}) };
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
