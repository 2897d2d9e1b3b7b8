/**
 * The system Chromium (never a downloaded browser) and its flags for a quiet, headless machine: the
 * errands (playwright.config.ts) and the portal bench (scripts/bench/portal.bench.ts) launch it alike.
 */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
