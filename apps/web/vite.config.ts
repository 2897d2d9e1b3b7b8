/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const builtConfig = fileURLToPath(new URL('../../dist/libs/config/src/app-config.js', import.meta.url));

/**
 * Where `npm run dev:web` sends /api: the api on this machine, at the PORT of its own validated
 * configuration (the built one: `npm run start:api` needs the build too), 3000 before a build.
 */
async function apiUrl(): Promise<string> {
  if (!existsSync(builtConfig)) return 'http://127.0.0.1:3000';
  const { AppConfig } = await import(pathToFileURL(builtConfig).href);
  return `http://127.0.0.1:${AppConfig.fromEnvironment().values.PORT}`;
}

/** The portal: built into dist/web (served by the api at `/`); `npm run dev:web` proxies /api to the api. */
export default defineConfig(async ({ command, mode }) => ({
  root: here,
  plugins: [react()],
  resolve: {
    alias: { '@grants/domain-shared': fileURLToPath(new URL('../../libs/domain/src/shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    // No modulepreload polyfill on every page: current browsers have <link rel="modulepreload">, and one
    // without it (Safari before 17) still loads every chunk, only not ahead of time.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every page runs (React, the router, i18next, TanStack Query, the API client) as one chunk:
            // gzip compresses it better than the handful of pieces it otherwise comes in.
            {
              name: 'shell',
              test: /node_modules\/(react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack|openapi-fetch|use-sync-external-store|clsx)\/|src\/api\//,
              priority: 3,
            },
            // Mantine's core and the rest of what the first page needs (the layout, the router's table) in
            // the entry chunk, not in four pieces beside it.
            { name: 'index', tags: ['$initial' as const], priority: 2 },
            // A form's pieces (inputs, the password input, field errors, the error summary and its alert's
            // parts), which every form page loads: one chunk instead of a dozen small ones. Nothing else
            // is pulled in with them (List, which pages without forms use too, stays out).
            {
              name: 'forms',
              test: /@mantine\/core\/esm\/components\/(Input|InputBase|TextInput|PasswordInput|ActionIcon|CloseButton|Alert)\/|@mantine\/core\/esm\/core\/styles-api\/use-resolved-styles-api|@mantine\/hooks\/esm\/use-uncontrolled\/|src\/ui\/(errors\.ts|fields\.ts|ErrorSummary\.tsx)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server:
    command === 'serve' && mode !== 'test'
      ? { port: 5173, proxy: { '/api': { target: await apiUrl(), changeOrigin: false } } }
      : undefined,
  test: {
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
  },
}));
