import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

/** One line of an error summary: a plain-language message and, when known, the field it concerns. */
export interface FieldError {
  field?: string;
  message: string;
}

/** The field a rule code concerns, so the summary can link to it. */
const CODE_FIELDS: Record<string, string> = {
  EMAIL_TAKEN: 'email',
  INN_TAKEN: 'organization.inn',
  AMOUNT_EXCEEDS_MAX: 'requestedAmount',
  COFINANCING_TOO_LOW: 'coFinancingAmount',
  BUDGET_MISMATCH: 'budgetLines',
  PROJECT_DATES_INVALID: 'projectStart',
  WRONG_PASSWORD: 'currentPassword',
  DEADLINE_SHORTENED: 'submissionDeadline',
};

/** class-validator's English, read into a key of `validation.*` with its parameters. */
const PATTERNS: Array<[RegExp, string]> = [
  [/should not exist/, 'unknown'],
  [/should not be empty|must be a string|is required|must not be empty/, 'required'],
  [/must be an email/, 'email'],
  [/longer than or equal to (\d+)/, 'minLength'],
  [/shorter than or equal to (\d+)/, 'maxLength'],
  [/checksum|INN|OGRN/i, 'checksum'],
  [/must be a valid ISO 8601|date/i, 'date'],
  [/decimal|amount|number/i, 'number'],
  [/must be one of|must be a valid enum/, 'oneOf'],
];

/** Splits "organization.inn must be …" into the field path and the rest. */
function splitFieldMessage(text: string): { field?: string; rest: string } {
  const match = /^([A-Za-z][\w]*(?:\.[\w]+)*)\s+(.*)$/.exec(text);
  return match ? { field: match[1], rest: match[2] } : { rest: text };
}

/**
 * What went wrong, in plain words, for an error summary: each field message of a 400 beside its
 * field, a rule code explained (with its field), no connection / 503 said as such.
 * `overrides` replace the message of a status or code for one page (e.g. 401 on the login form).
 */
export function describeError(error: unknown, t: TFunction, overrides: Record<string, FieldError> = {}): FieldError[] {
  if (error instanceof NetworkError) return [{ message: t('errors.offline') }];
  if (!(error instanceof ApiError)) return [{ message: t('errors.unexpected') }];
  const byCode = error.body?.code && overrides[error.body.code];
  if (byCode) return [byCode];
  if (overrides[String(error.status)]) return [overrides[String(error.status)]];
  if (error.status === 503 || error.body?.code === 'SERVICE_UNAVAILABLE') return [{ message: t('errors.unavailable') }];
  if (error.status === 429) return [{ message: t('errors.TOO_MANY_REQUESTS') }];
  if (error.status === 400 && error.messages.length) {
    return error.messages.map((text) => {
      const { field, rest } = splitFieldMessage(text);
      const label = field ? t(`fields.${field.replace(/\.\d+\./g, '.')}`, { defaultValue: field }) : '';
      for (const [pattern, key] of PATTERNS) {
        const m = pattern.exec(rest);
        if (m) return { field, message: t(`validation.${key}`, { field: label, n: m[1] }) };
      }
      return { field, message: t('validation.invalid', { field: label }) };
    });
  }
  const code = error.body?.code;
  if (code && t(`errors.${code}`, { defaultValue: '' }))
    return [{ field: CODE_FIELDS[code], message: t(`errors.${code}`) }];
  if (error.status === 404) return [{ message: t('errors.notFound') }];
  if (error.status === 403) return [{ message: t('errors.forbidden') }];
  return [{ message: t('errors.unexpected') }];
}

/** The messages of one field, to show next to it. */
export const errorsOf = (errors: FieldError[], field: string) =>
  errors
    .filter((e) => e.field === field)
    .map((e) => e.message)
    .join(' ') || undefined;
