import 'reflect-metadata';
import { AppConfig, ConfigError } from '@grants/config';
import { createApiApp } from './setup';

async function bootstrap() {
  const config = AppConfig.fromEnvironment();
  const app = await createApiApp(config);
  await app.listen({ port: config.values.PORT, host: '0.0.0.0' });
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
