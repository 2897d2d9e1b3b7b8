import { createHash } from 'node:crypto';
import { Application } from './application.entity';
import { APPLICATION_FIELDS, ApplicationField } from './application-fields';

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields an applicant fills in, as they stand. */
export function applicationContent(a: Application): Pick<Application, ApplicationField> {
  return Object.fromEntries(APPLICATION_FIELDS.map((field) => [field, a[field]])) as Pick<
    Application,
    ApplicationField
  >;
}

/** What an NGO submitted: its content plus who, where and when, as frozen in application_snapshots. */
export function submittedContent(
  a: Application,
  registrationNumber: string,
  submittedAt: Date,
): Record<string, unknown> {
  return {
    applicationId: a.id,
    competitionId: a.competitionId,
    organizationId: a.organizationId,
    registrationNumber,
    submittedAt: submittedAt.toISOString(),
    ...applicationContent(a),
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
