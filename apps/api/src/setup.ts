import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@grants/config';
import { AppModule } from './app.module';
import { jsonBodyParser } from './common/json-body';
import { validationPipe } from './common/validation';
import { multipartLimits } from './documents/multipart-upload';
import { buildOpenApiDocument } from './openapi';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP app exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig = AppConfig.fromEnvironment()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    trustProxy: trustProxy(config.values.TRUST_PROXY) as never,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(validationPipe());
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, jsonBodyParser(app.getHttpAdapter().getInstance()));
  await app.register(fastifyCookie as never);
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

  // Uploads are streamed part by part (request.parts()); the file size limit stops a body at UPLOAD_MAX_MB.
  await app.register(multipart as never, {
    limits: multipartLimits(config.values.UPLOAD_MAX_MB * 1024 * 1024),
    throwFileSizeLimit: true,
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** TRUST_PROXY: `false` (X-Forwarded-* ignored), `true`, a hop count, or the proxy addresses. */
export function trustProxy(value: string): boolean | number | string[] {
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
