import { DomainError } from '../shared/domain-error';

export const notRetryable = (status: string) =>
  new DomainError('INVALID_TRANSITION', `Only a failed notification can be retried; this one is ${status}`, { status });
