import type { Application, Checklist, Remark } from '../hooks/useApplication';

export const SECTIONS = ['about', 'project', 'budget', 'documents'] as const;
export type Section = (typeof SECTIONS)[number];

/** The application fields each section edits (API field names). */
export const SECTION_FIELDS: Record<Section, readonly string[]> = {
  about: ['title', 'summary', 'direction', 'geography'],
  project: ['projectStart', 'projectEnd', 'goals', 'expectedResults'],
  budget: ['requestedAmount', 'coFinancingAmount', 'budgetLines'],
  documents: ['documents'],
};

export const isSection = (value: string | undefined): value is Section => SECTIONS.includes(value as Section);

/** The section where a field (or a cell such as `budgetLines.0.amount`) is edited. */
export function sectionOf(field: string): Section | undefined {
  const root = field.split('.')[0];
  return SECTIONS.find((s) => SECTION_FIELDS[s].includes(root));
}

/** Where to fix a field: its section's page, scrolled to the control. */
export const fieldLink = (applicationId: string, field: string) => {
  const section = sectionOf(field);
  return section
    ? `/applications/${applicationId}/edit/${section}#${fieldAnchor(field)}`
    : `/applications/${applicationId}`;
};

/** The anchor of a field: the control's id (lists anchor at their first cell or the list itself). */
export const fieldAnchor = (field: string) => `field-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const blank = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && !value.length);

export type SectionStatus = 'notStarted' | 'inProgress' | 'complete';

/**
 * A section's state for the task list. "Complete" is the server's word: no failed submit rule of the
 * checklist names one of its fields. "Not started" means none of its fields holds anything yet.
 */
export function sectionStatus(
  section: Section,
  application: Application,
  checklist: Checklist | undefined,
  documentsCount = 0,
): SectionStatus {
  const fields = SECTION_FIELDS[section];
  const failing = (checklist?.items ?? []).some((i) => !i.ok && i.fields.some((f) => fields.includes(f.split('.')[0])));
  const filled =
    section === 'documents'
      ? documentsCount > 0
      : fields.some((f) => f !== 'title' && !blank((application as unknown as Record<string, unknown>)[f]));
  if (checklist && !failing && (filled || section === 'documents')) return 'complete';
  return filled ? 'inProgress' : 'notStarted';
}

/** How many remarks of the consultant name a field of the section. */
export const remarksIn = (section: Section, remarks: Remark[]) =>
  remarks.filter((r) => sectionOf(r.field) === section).length;

/** The remarks about one field, a list cell's included under its list (`budgetLines` gets `budgetLines.0.amount`). */
export const remarksOn = (field: string, remarks: Remark[], exact = false) =>
  remarks.filter((r) => r.field === field || (!exact && r.field.startsWith(`${field}.`)));
