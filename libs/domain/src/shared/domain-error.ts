import { TimeoutError, withinTimeout } from '@grants/queue';

/** Codes of API.md plus the generic ones the HTTP layer maps to 4xx statuses. */
export const ERROR_CODES = [
  'EMAIL_TAKEN',
  'INN_TAKEN',
  'COMPETITION_NOT_OPEN',
  'NOT_OPEN_YET',
  'DEADLINE_PASSED',
  'DEADLINE_SHORTENED',
  'INCOMPLETE',
  'AMOUNT_EXCEEDS_MAX',
  'COFINANCING_TOO_LOW',
  'BUDGET_MISMATCH',
  'NOT_EDITABLE',
  'INVALID_TRANSITION',
  'ALREADY_TAKEN',
  'NOT_REVIEWED',
  'BUDGET_EXCEEDED',
  'ALREADY_ANNOUNCED',
  'CONFLICT_OF_INTEREST',
  // project dates outside the competition's rules (submit)
  'PROJECT_DATES_INVALID',
  // documents: a required type without a file (submit), a file of a format not allowed, the 31st file
  'DOCUMENTS_MISSING',
  'UNSUPPORTED_FILE_TYPE',
  'TOO_MANY_FILES',
  // accounts and browser sessions
  'CSRF_REJECTED',
  'TOKEN_INVALID',
  'WRONG_PASSWORD',
  'LAST_MEMBER',
  // generic
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'CONFLICT',
  'RULE_VIOLATION',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Thrown by the domain; apps/api maps the code to an HTTP status, the worker to retry or give up. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const invalid = (message: string | string[]) =>
  new DomainError('VALIDATION_FAILED', Array.isArray(message) ? message.join('; ') : message, {
    messages: Array.isArray(message) ? message : [message],
  });

/** Bounds a call made while answering a request: no answer in time is a 503 SERVICE_UNAVAILABLE. */
export async function orUnavailable<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  try {
    return await withinTimeout(work, ms, what);
  } catch (error) {
    if (error instanceof TimeoutError)
      throw new DomainError('SERVICE_UNAVAILABLE', `${what} is temporarily unavailable; try again shortly`);
    throw error;
  }
}
