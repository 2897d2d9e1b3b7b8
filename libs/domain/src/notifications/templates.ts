/** Every notification template of SPEC.md. */
export const TEMPLATES = [
  'account.registered',
  'account.password_reset',
  'account.email_verification',
  'organization.invitation',
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
  'review.declined',
  'review.overdue',
  'application.ineligible',
  'results.awarded',
  'results.not_awarded',
  'results.assisted_winner',
  'statistics.compiled',
  'grant.agreement_recorded',
  'report.reminder',
  'report.overdue',
  'report.submitted',
  'report.returned',
  'report.accepted',
] as const;

export type TemplateCode = (typeof TEMPLATES)[number];

/** Times are ISO-8601 UTC strings; templates show them in `timezone` (the competition's IANA zone). */
interface CompetitionRef {
  competitionId: string;
  competitionTitle: string;
  timezone: string;
}

interface ApplicationRef extends CompetitionRef {
  applicationId: string;
  applicationTitle: string;
  organizationName: string;
}

/** A grant and one of its reports; `dueDate` is a calendar date (YYYY-MM-DD) in the competition's zone. */
interface ReportRef extends CompetitionRef {
  grantId: string;
  grantTitle: string;
  registrationNumber: string;
  organizationName: string;
  reportCode: string;
  reportTitle: string;
  /** The English title, or the Russian one when the schedule gave none. */
  reportTitleEn: string;
  dueDate: string;
}

/**
 * The payload each template receives (ids plus the few display values the mail needs).
 * Writers of outbox rows pass exactly these fields; templates rely on nothing else.
 */
export interface TemplatePayloads {
  /** `verifyTokenId`: the email confirmation link's token row (absent in mails written before confirmation existed). */
  'account.registered': {
    fullName: string;
    email: string;
    organizationName?: string;
    role?: string;
    verifyTokenId?: string;
  };
  /** The link `APP_URL/reset-password?token=…` is built from `tokenId` when the mail is rendered. */
  'account.password_reset': { fullName: string; tokenId: string; expiresAt: string };
  'account.email_verification': { fullName: string; email: string; tokenId: string };
  /** To an address without an account yet; the link is `APP_URL/invite?token=…`. */
  'organization.invitation': { organizationName: string; inviterName: string; tokenId: string; expiresAt: string };
  'consultation.requested': ApplicationRef & { consultationId: string; question: string };
  'consultation.completed': ApplicationRef & {
    consultationId: string;
    verdict: 'ready' | 'needs_changes';
    comment: string;
    remarks: { field: string; text: string }[];
  };
  'application.submitted': ApplicationRef & { registrationNumber: string; submittedAt: string; contentHash: string };
  'deadline.reminder': ApplicationRef & { deadline: string; daysLeft: number };
  'deadline.extended': ApplicationRef & { previousDeadline: string; deadline: string };
  'application.not_submitted': ApplicationRef & { deadline: string };
  'competition.submission_closed': CompetitionRef & { closedAt: string; submitted: number; notSubmitted: number };
  'competition.cancelled': ApplicationRef & { reason: string };
  'review.assigned': ApplicationRef & { reviewId: string; registrationNumber: string; dueAt: string };
  'review.reminder': ApplicationRef & { reviewId: string; registrationNumber: string; dueAt: string; daysLeft: number };
  /** To admins: an expert declined (conflict of interest); the application needs a replacement expert. */
  'review.declined': ApplicationRef & {
    reviewId: string;
    registrationNumber: string;
    expertName: string;
    reason: string;
  };
  'review.overdue': CompetitionRef & {
    reviewDeadline: string;
    overdue: { reviewId: string; registrationNumber: string; expertName: string; status: string }[];
  };
  'application.ineligible': ApplicationRef & { registrationNumber: string | null; reason: string };
  'results.awarded': ApplicationRef & { registrationNumber: string; awardedAmount: string; score: string | null };
  'results.not_awarded': ApplicationRef & { registrationNumber: string; score: string | null };
  'results.assisted_winner': ApplicationRef & { registrationNumber: string; awardedAmount: string };
  'statistics.compiled': {
    year: number;
    compiledAt: string;
    snapshotId: string;
    headline: string;
    /** The headline for English-locale admins; absent in mails written before the report had English. */
    headlineEn?: string;
  };
  /** To the organization: the agreement is recorded, the grant is active; the reports it owes. */
  'grant.agreement_recorded': CompetitionRef & {
    grantId: string;
    grantTitle: string;
    registrationNumber: string;
    organizationName: string;
    amount: string;
    agreementNumber: string;
    agreementDate: string;
    reports: { title: string; titleEn: string; dueDate: string }[];
  };
  'report.reminder': ReportRef & { daysLeft: number };
  /** To admins: the due date passed without a submission. */
  'report.overdue': ReportRef;
  /** To admins and the assisting consultant. */
  'report.submitted': ReportRef & { submittedAt: string; resubmitted: boolean };
  'report.returned': ReportRef & { comment: string };
  'report.accepted': ReportRef & { comment: string | null; grantCompleted: boolean };
}
