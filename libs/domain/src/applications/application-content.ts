import { createHash } from 'node:crypto';
import { Application } from './application.entity';
import { APPLICATION_FIELDS, ApplicationField } from './application-fields';

/**
 * The RFC 8785 (JCS) canonical JSON of JSON data: keys sorted by UTF-16 code units at every level,
 * numbers and strings in their ECMAScript JSON.stringify form, so anyone holding a receipt can recompute
 * the hash with any JCS library (the spec checks it against `canonicalize`, which is ESM-only and cannot
 * be required from our CommonJS build).
 */
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

/** A document as frozen in the snapshot: what identifies the file, not where it is stored. */
export interface SubmittedDocument {
  type: string;
  fileName: string;
  size: number;
  sha256: string;
}

/** What an NGO submitted: its content and documents plus who, where and when, as frozen in application_snapshots. */
export function submittedContent(
  a: Application,
  registrationNumber: string,
  submittedAt: Date,
  documents: SubmittedDocument[] = [],
): Record<string, unknown> {
  return {
    applicationId: a.id,
    competitionId: a.competitionId,
    organizationId: a.organizationId,
    registrationNumber,
    submittedAt: submittedAt.toISOString(),
    ...applicationContent(a),
    documents: documents.map((d) => ({ type: d.type, fileName: d.fileName, size: d.size, sha256: d.sha256 })),
  };
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
