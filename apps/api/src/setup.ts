import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@grants/config';
import { DatabaseClock } from '@grants/database';
import { AppModule } from './app.module';
import { arrivalHook, ShedArrivals } from './common/arrival';
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
  // First of all hooks: the arrival stamp on the database clock, and the door that answers 503 when full.
  await app.register(
    Object.assign(arrivalHook(app.get(DatabaseClock), config, app.get(ShedArrivals)), {
      [Symbol.for('skip-override')]: true,
    }) as never,
  );
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
        // No inline scripts anywhere (the report and the portal have none); inline styles stay for the report and the portal's UI kit.
        scriptSrc: [`'self'`],
        // Only an https deployment asks browsers to upgrade; on http://localhost it would break every asset.
        upgradeInsecureRequests: config.values.APP_URL.startsWith('https:') ? [] : null,
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

  await servePortal(app, resolve(config.values.WEB_DIR));

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

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built portal at `/`: its files as they are (hashed assets cached for a year), and index.html
 * (never cached) for every other path outside /api, so the portal's router decides what to show.
 * Without a build (API-only checkouts) nothing is registered.
 */
async function servePortal(app: NestFastifyApplication, webDir: string): Promise<void> {
  const indexFile = resolve(webDir, 'index.html');
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile);
  await app.register(fastifyStatic as never, {
    root: webDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    globIgnore: ['index.html'],
    setHeaders: (reply: { header(name: string, value: string): void }, path: string) =>
      reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache'),
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/')) return reply.callNotFound();
      return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    },
  });
}
