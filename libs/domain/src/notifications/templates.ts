/** Every notification template of SPEC.md. */
export const TEMPLATES = [
  'account.registered',
  'consultation.requested',
  'consultation.completed',
  'application.submitted',
  'deadline.reminder',
  'deadline.extended',
  'application.not_submitted',
  'competition.submission_closed',
  'competition.cancelled',
  'review.assigned',
  'review.reminder',
  'review.overdue',
  'application.ineligible',
  'results.awarded',
  'results.not_awarded',
  'results.assisted_winner',
  'statistics.compiled',
] as const;

export type TemplateCode = (typeof TEMPLATES)[number];
