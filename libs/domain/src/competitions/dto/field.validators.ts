import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isMoney } from '../../shared/money';

/**
 * OpenAPI schema of a money amount in a request: API.md takes a string or a number, ≤ 2 decimals, ≥ 0.
 * Nullable goes on the string branch: OpenAPI 3.0's `nullable` needs a `type` beside it.
 */
export const moneyInput = (example: string, { nullable = false } = {}) => ({
  oneOf: [
    { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,2})?$', ...(nullable ? { nullable: true } : {}) },
    { type: 'number', minimum: 0, multipleOf: 0.01 },
  ],
  example,
});

/** A money amount: a string or number, non-negative, at most two decimals (normalised by the service). */
export function IsMoneyAmount(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isMoneyAmount',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => isMoney(value),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a non-negative amount with at most two decimals, e.g. "150000.00"`,
      },
    });
}

/** A percentage 0..100 with at most two decimals (stored as numeric(5,2)). */
export function IsPercent(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPercent',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' || typeof value === 'string') &&
          /^\d{1,3}(\.\d{1,2})?$/.test(String(value)) &&
          Number(value) <= 100,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a percentage from 0 to 100 with at most two decimals`,
      },
    });
}

export function isIanaTimezone(value: unknown): boolean {
  if (typeof value !== 'string' || !value.includes('/')) return value === 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name that this runtime knows, e.g. "Asia/Krasnoyarsk". */
export function IsIanaTimezone(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaTimezone',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: isIanaTimezone,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an IANA time zone such as "Asia/Krasnoyarsk"`,
      },
    });
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): boolean {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export function IsCalendarDate(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: isCalendarDate,
        defaultMessage: (args: ValidationArguments) => `${args.property} must be a date in the form YYYY-MM-DD`,
      },
    });
}

/** An ISO-8601 instant with an explicit zone (Z or ±hh:mm), so a deadline is never ambiguous. */
export function IsInstant(options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
          !Number.isNaN(Date.parse(value)),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an ISO-8601 time with a zone, e.g. "2026-03-01T00:00:00Z"`,
      },
    });
}
