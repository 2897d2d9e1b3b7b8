import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from '@grants/config';

type LoggedRequest = IncomingMessage & { userId?: string; originalUrl?: string };

/**
 * One line per request: method, path, status, duration, request id and user id (set by the auth
 * guard). No request or response headers: they carried credentials' neighbours and ~1.5 KB of
 * security headers per line. Credentials are never written.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.values.NODE_ENV === 'test' ? 'silent' : config.values.LOG_LEVEL,
      genReqId: (req: IncomingMessage) => (req.headers['x-request-id'] as string) || randomUUID(),
      quietReqLogger: true,
      quietResLogger: true,
      customAttributeKeys: { reqId: 'requestId', res: 'status', responseTime: 'ms' },
      serializers: {
        res: (res: ServerResponse | { statusCode?: number }) => res.statusCode,
        err: (err: Error) => ({ type: err.name, message: err.message }),
      },
      customProps: (req: IncomingMessage) => {
        const r = req as LoggedRequest;
        return {
          app: 'api',
          method: r.method,
          path: (r.originalUrl ?? r.url ?? '').split('?')[0],
          userId: r.userId ?? null,
        };
      },
      customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) =>
        `${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} ${ms} ms`,
      customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
        `${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode}`,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', '*.password', '*.accessToken'],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
    },
  };
}
