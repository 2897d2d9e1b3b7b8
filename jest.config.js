const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** Packages published as ES modules only (NestJS 12 and friends): Jest compiles them to CommonJS. */
function esmPackages() {
  const root = join(__dirname, 'node_modules');
  const names = readdirSync(root).flatMap((d) =>
    d.startsWith('@') ? readdirSync(join(root, d)).map((n) => `${d}/${n}`) : [d],
  );
  return names.filter((name) => {
    try {
      return JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8')).type === 'module';
    } catch {
      return false;
    }
  });
}
/** CommonJS packages that load an ES module with import(), which Jest runs only once compiled to require(). */
const DYNAMIC_IMPORT_PACKAGES = ['@fastify/cookie'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One jest run for unit specs beside the code and end-to-end suites under test/. */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  // The portal (apps/web) has its own runners: Vitest for components, Playwright for the browser.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }],
    '^.+\\.m?js$': '<rootDir>/jest.esm-transform.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${[...esmPackages(), ...DYNAMIC_IMPORT_PACKAGES].map(escape).join('|')})/)`],
  moduleNameMapper: {
    // Published with an `import` condition only; tests use it to check our canonical JSON independently.
    '^canonicalize$': '<rootDir>/node_modules/canonicalize/lib/canonicalize.js',
    // Node loads its `module-sync` entry; Jest's resolver does not know that condition.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
    '^@grants/(config|database|queue|mail|storage|domain|testing)$': '<rootDir>/libs/$1/src',
    '^@grants/api/(.*)$': '<rootDir>/apps/api/src/$1',
    '^@grants/worker/(.*)$': '<rootDir>/apps/worker/src/$1',
  },
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 60000,
  maxWorkers: 1,
};
