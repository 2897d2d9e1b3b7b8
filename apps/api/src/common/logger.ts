import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import { AppConfig } from '@grants/config';

/** JSON logs with a request id on every line; credentials are never written. */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.values.NODE_ENV === 'test' ? 'silent' : config.values.LOG_LEVEL,
      genReqId: (req: IncomingMessage) => (req.headers['x-request-id'] as string) || randomUUID(),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', '*.password', '*.accessToken'],
        censor: '[redacted]',
      },
      customProps: () => ({ app: 'api' }),
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' },
    },
  };
}
