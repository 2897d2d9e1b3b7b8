import 'reflect-metadata';
import { getPriority, setPriority } from 'node:os';
import { AppConfig, ConfigError } from '@grants/config';
import { createWorkerApp } from './setup';

async function bootstrap() {
  const config = AppConfig.fromEnvironment();
  // Background work yields the CPU to the api on a shared host (WORKER_NICE); never raised above where it started.
  if (config.values.WORKER_NICE > getPriority()) setPriority(config.values.WORKER_NICE);
  const app = await createWorkerApp(config);
  await app.init();
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
