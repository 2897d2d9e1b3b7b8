import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@grants/domain';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_REJECTED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_FILE_TYPE':
      return 415;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'EMAIL_TAKEN':
    case 'INN_TAKEN':
    case 'NOT_EDITABLE':
    case 'INVALID_TRANSITION':
    case 'ALREADY_TAKEN':
    case 'ALREADY_ANNOUNCED':
    case 'CONFLICT':
      return 409;
    case 'COMPETITION_NOT_OPEN':
    case 'NOT_OPEN_YET':
    case 'DEADLINE_PASSED':
    case 'DEADLINE_SHORTENED':
    case 'INCOMPLETE':
    case 'AMOUNT_EXCEEDS_MAX':
    case 'COFINANCING_TOO_LOW':
    case 'BUDGET_MISMATCH':
    case 'NOT_REVIEWED':
    case 'BUDGET_EXCEEDED':
    case 'CONFLICT_OF_INTEREST':
    case 'PROJECT_DATES_INVALID':
    case 'DOCUMENTS_MISSING':
    case 'TOO_MANY_FILES':
    case 'RULE_VIOLATION':
    case 'TOKEN_INVALID':
    case 'WRONG_PASSWORD':
    case 'LAST_MEMBER':
      return 422;
    default: {
      const unhandled: never = code;
      throw new Error(`No status for ${unhandled}`);
    }
  }
}

const GENERIC_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'RULE_VIOLATION',
  429: 'TOO_MANY_REQUESTS',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code: string;
  errorId?: string;
  details?: Record<string, unknown>;
}

/** Turns anything thrown into API.md's error shape; unexpected errors are logged with an id. */
export function toErrorBody(exception: unknown, logger: Logger): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = statusOf(exception.code);
    const messages = exception.details?.messages as string[] | undefined;
    const { messages: _omit, ...details } = exception.details ?? {};
    return {
      statusCode,
      error: REASONS[statusCode],
      message: messages ?? exception.message,
      code: exception.code,
      ...(Object.keys(details).length ? { details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: string | string[] }).message ?? exception.message);
    return {
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      message,
      code: (response as { code?: string }).code ?? GENERIC_CODES[statusCode] ?? `HTTP_${statusCode}`,
    };
  }
  const fastify = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    // Errors raised by Fastify before routing: malformed JSON, body too large, bad content type.
    return {
      statusCode: fastify.statusCode,
      error: REASONS[fastify.statusCode] ?? 'Error',
      message: fastify.message ?? 'Bad request',
      code: GENERIC_CODES[fastify.statusCode] ?? fastify.code ?? `HTTP_${fastify.statusCode}`,
    };
  }
  const sqlState = (exception as { driverError?: { code?: string } })?.driverError?.code;
  if (typeof sqlState === 'string' && sqlState.startsWith('22')) {
    // PostgreSQL data exceptions (NUL bytes, out-of-range numbers) are bad input that passed validation.
    return {
      statusCode: 400,
      error: REASONS[400],
      message: ['input contains a value the database cannot store'],
      code: 'VALIDATION_FAILED',
    };
  }
  if (isUnavailable(exception)) {
    // A dependency outage is not the client's fault and not a bug: 503, retry later.
    logger.warn(`Dependency unavailable: ${(exception as Error).message}`);
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: REASONS[503],
      message: 'A dependency is temporarily unavailable; try again shortly',
      code: 'SERVICE_UNAVAILABLE',
    };
  }
  const errorId = randomUUID();
  logger.error({ err: exception, errorId }, `Unexpected error ${errorId}`);
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: REASONS[500],
    message: `Internal error; quote ${errorId} when reporting it`,
    code: 'INTERNAL',
    errorId,
  };
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** Connection-level failures of PostgreSQL or Redis. */
function isUnavailable(exception: unknown): boolean {
  const e = exception as {
    code?: string;
    driverError?: { code?: string; message?: string };
    message?: string;
    name?: string;
  };
  const code = e?.code ?? e?.driverError?.code;
  const message = `${e?.message ?? ''} ${e?.driverError?.message ?? ''}`;
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    /Connection terminated|connection timeout|Connection is closed|getaddrinfo|Stream isn't writeable|MaxRetriesPerRequest/i.test(
      message,
    )
  );
}

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const reply = host
      .switchToHttp()
      .getResponse<{ status(code: number): { send(body: unknown): void }; header(k: string, v: string): unknown }>();
    const body = toErrorBody(exception, this.logger);
    reply.header('content-type', 'application/json; charset=utf-8');
    // A 503 is always temporary: say when to come back (the clock or the door: 1 s; a dependency: 5 s).
    if (body.statusCode === 503) reply.header('retry-after', exception instanceof DomainError ? '1' : '5');
    reply.status(body.statusCode).send(body);
  }
}
