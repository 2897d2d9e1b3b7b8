import 'reflect-metadata';
import { AppConfig, ConfigError } from '@grants/config';
import { createWorkerApp } from './setup';

async function bootstrap() {
  const config = AppConfig.fromEnvironment();
  const app = await createWorkerApp(config);
  await app.init();
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
