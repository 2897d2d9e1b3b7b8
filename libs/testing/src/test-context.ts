import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@grants/config';
import { dropDatabase, migrateDatabase } from '@grants/database';
import { deleteQueueKeys } from '@grants/queue';
import { createApiApp } from '@grants/api/setup';
import { HttpClient } from './http-client';
import { SmtpSink } from './smtp-sink';

export interface TestContext {
  config: AppConfig;
  api: NestFastifyApplication;
  http: HttpClient;
  smtp: SmtpSink;
  /** Closes everything and drops the test database and queue keys. */
  close(): Promise<void>;
}

export interface TestContextOptions {
  /** Extra environment for this run (e.g. another REDIS_URL). */
  env?: Record<string, string>;
  /** Rewrites the database URL the api uses (e.g. through a TCP proxy a test can cut). */
  apiDatabaseUrl?: (url: string) => string;
}

const ADMIN_PASSWORD = 'admin-password-for-tests';

/** A unique database name and BullMQ prefix per test file, so runs never see each other's data. */
export function uniqueTestConfig(env: Record<string, string> = {}, smtpPort?: number): AppConfig {
  const id = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const base = AppConfig.fromEnvironment();
  const url = new URL(base.values.DATABASE_URL);
  url.pathname = `/grants_test_${id}`;
  return AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: `grants_test_${id}`,
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD,
    JWT_SECRET: 'test-secret-test-secret-test-secret',
    APP_URL: 'http://grants.test',
    // A short grace keeps deadline tests quick; the rush test sets a realistic one.
    SUBMIT_GRACE_MS: '300',
    STORAGE_DIR: join(tmpdir(), `grants_test_${id}`),
    // The suites register many users from one in-process client; the per-client limit has its own test.
    AUTH_CLIENT_LIMIT: '0',
    ...(smtpPort ? { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } : {}),
    ...env,
  });
}

/** Boots the real api on a fresh, migrated database, with an SMTP sink in the test process. */
export async function createTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const smtp = await SmtpSink.start();
  const config = uniqueTestConfig(options.env, smtp.port);
  await migrateDatabase(config.values.DATABASE_URL);
  const apiConfig = options.apiDatabaseUrl
    ? new AppConfig({ ...config.values, DATABASE_URL: options.apiDatabaseUrl(config.values.DATABASE_URL) })
    : config;
  const api = await createApiApp(apiConfig);
  await api.init();
  await api.getHttpAdapter().getInstance().ready();
  const http = new HttpClient(api);
  return {
    config,
    api,
    http,
    smtp,
    async close() {
      await api.close();
      await smtp.stop();
      await cleanupQueuePrefix(config);
      await dropDatabase(config.values.DATABASE_URL);
      await rm(config.values.STORAGE_DIR, { recursive: true, force: true });
    },
  };
}

export const TEST_ADMIN = { email: 'admin@test.local', password: ADMIN_PASSWORD };

async function cleanupQueuePrefix(config: AppConfig) {
  // Redis may be the thing a test took down; its keys go with it.
  await deleteQueueKeys(config.values.REDIS_URL, config.values.QUEUE_PREFIX).catch(() => undefined);
}
