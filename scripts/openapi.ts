/**
 * `npm run openapi -- <out.json>`: writes the api's OpenAPI document without PostgreSQL or Redis.
 * Nest's preview mode builds the module graph (controllers and their decorators) without creating
 * any provider, so nothing connects. The output is deterministic: same code, byte-identical file.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppConfig } from '@grants/config';
import { AppModule } from '@grants/api/app.module';
import { buildOpenApiDocument } from '@grants/api/openapi';
import { API_PREFIX } from '@grants/api/setup';

async function main() {
  const out = process.argv[2];
  const app = await NestFactory.create(AppModule.register(AppConfig.fromEnvironment()), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const json = JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n';
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
