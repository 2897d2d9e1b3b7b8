import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'apps/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../../*'], message: 'Import across libs through @grants/<lib>.' }] }],
    },
  },
  {
    // The portal: browser code, its own tsconfig (apps/web/tsconfig.json); one client, no hand-made fetch.
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@grants/*', '!@grants/domain-shared'], message: 'The portal imports only libs/domain/src/shared (through @grants/domain-shared).' }] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the generated client (src/api/client.ts).' }],
    },
  },
  {
    files: ['apps/web/e2e/**/*.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-empty-pattern': 'off' },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**', '**/*.spec.ts', 'apps/web/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through AppConfig (libs/config).' }],
    },
  },
);
