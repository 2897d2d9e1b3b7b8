import { ApplicationStatus } from './application.entity';

export const APPLICATION_STATUSES: ApplicationStatus[] = [
  'draft',
  'submitted',
  'under_review',
  'reviewed',
  'awarded',
  'not_awarded',
  'withdrawn',
  'not_submitted',
  'ineligible',
];

/** The content fields an applicant fills in; a consultant's remarks name one of them. */
export const APPLICATION_FIELDS = [
  'title',
  'summary',
  'direction',
  'requestedAmount',
  'coFinancingAmount',
  'projectStart',
  'projectEnd',
  'goals',
  'expectedResults',
  'budgetLines',
  'geography',
] as const;

export type ApplicationField = (typeof APPLICATION_FIELDS)[number];
