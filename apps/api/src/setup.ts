import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@grants/config';
import { DatabaseClock } from '@grants/database';
import { AppModule } from './app.module';
import { arrivalHook } from './common/arrival';
import { jsonBodyParser } from './common/json-body';
import { validationPipe } from './common/validation';
import { buildOpenApiDocument } from './openapi';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig = AppConfig.fromEnvironment()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  // First of all hooks: the arrival stamp on the database clock, and the door that answers 503 when full.
  await app.register(
    Object.assign(arrivalHook(app.get(DatabaseClock), config), { [Symbol.for('skip-override')]: true }) as never,
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(validationPipe());
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, jsonBodyParser(app.getHttpAdapter().getInstance()));
  // CORS is off unless CORS_ORIGINS lists origins: the portal is served on the api's own origin.
  const origins = config.values.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins });
  // Helmet's middleware is built once here: @fastify/helmet rebuilds it, CSP parsing included, on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        // No inline scripts anywhere (the report has none); inline styles stay for the report and the portal's UI kit.
        scriptSrc: [`'self'`],
      },
    },
  });
  const securityHeadersPlugin = async (instance: FastifyInstance) => {
    instance.addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
    );
  };
  // skip-override (what fastify-plugin sets) makes the hook apply to every route, as @fastify/helmet's did.
  await app.register(Object.assign(securityHeadersPlugin, { [Symbol.for('skip-override')]: true }) as never);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
