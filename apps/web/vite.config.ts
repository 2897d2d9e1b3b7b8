/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const API = process.env.GRANTS_API_URL ?? 'http://127.0.0.1:3000';

/** The portal: built into dist/web (served by the api at `/`); `npm run dev:web` proxies /api to the api. */
export default defineConfig({
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page runs (React, the router, i18next, TanStack Query, the API client) as one chunk:
          // gzip compresses it better than the handful of pieces it otherwise comes in.
          groups: [
            {
              name: 'shell',
              test: /node_modules\/(react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack|openapi-fetch|use-sync-external-store|clsx)\/|src\/api\//,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': { target: API, changeOrigin: false } } },
  test: {
    root: here,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    css: false,
  },
});
