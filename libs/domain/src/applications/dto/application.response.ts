import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Actor } from '../../shared/roles';
import { Application, ApplicationStatus, BudgetLine, ExpectedResult } from '../application.entity';
import { applicationContent } from '../application-content';
import { APPLICATION_STATUSES } from '../application-fields';

export class ExpectedResultResponse {
  @ApiProperty() indicator: string;
  @ApiProperty() target: string;
}

export class BudgetLineResponse {
  @ApiProperty() item: string;
  @ApiProperty({ example: '120000.00' }) amount: string;
}

export class ChecklistItemResponse {
  @ApiProperty({
    example: 'BUDGET_MISMATCH',
    description:
      'The rule: NOT_EDITABLE, NOT_OPEN_YET, DEADLINE_PASSED, INCOMPLETE, AMOUNT_EXCEEDS_MAX, COFINANCING_TOO_LOW, BUDGET_MISMATCH, PROJECT_DATES_INVALID, DOCUMENTS_MISSING',
  })
  code: string;
  @ApiProperty({ description: 'Whether the rule passes now' }) ok: boolean;
  @ApiProperty({ type: [String], example: ['budgetLines'], description: 'Application fields the rule concerns' })
  fields: string[];
  @ApiProperty({ description: 'Why it fails (what submit would answer), or what a passed rule confirms' })
  message: string;
}

/** The submit rules as they stand now, in submit's order. */
export class ApplicationChecklistResponse {
  @ApiProperty({ description: 'True iff a submit now would pass every rule' }) ready: boolean;
  @ApiProperty({ type: [ChecklistItemResponse] }) items: ChecklistItemResponse[];
}

export class ApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) direction: string | null;
  @ApiProperty({ nullable: true, type: String, example: '200000.00' }) requestedAmount: string | null;
  @ApiProperty({ nullable: true, type: String, example: '50000.00' }) coFinancingAmount: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2027-02-01' }) projectStart: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2027-11-30' }) projectEnd: string | null;
  @ApiProperty({ nullable: true, type: String }) goals: string | null;
  @ApiProperty({ type: [ExpectedResultResponse] }) expectedResults: ExpectedResult[];
  @ApiProperty({ type: [BudgetLineResponse] }) budgetLines: BudgetLine[];
  @ApiProperty({ nullable: true, type: String }) geography: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String, example: '2026-K7Q2M-0001' }) registrationNumber: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 (hex) of the submitted snapshot' }) contentHash:
    string | null;
  @ApiProperty({
    nullable: true,
    type: Boolean,
    description:
      'true once a Resource Center consultation was completed; null for experts, who never see consultations',
  })
  consultantAssisted: boolean | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 78.5,
    description:
      'Mean of the submitted reviews: admins always; the applicant once results are announced; null for experts and consultants (blind review)',
  })
  score: number | null;
  @ApiProperty({ nullable: true, type: String, example: '200000.00' }) awardedAmount: string | null;
  @ApiProperty({ nullable: true, type: String }) ineligibleReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({
    type: () => ApplicationChecklistResponse,
    description:
      "In `GET /applications?checklist=true`, on the applicant's own drafts only: the submit rules as they stand now",
  })
  checklist?: ApplicationChecklistResponse;

  /** `announced`: the competition's results are announced (the applicant may see the score then). */
  static from(a: Application, viewer?: Actor, announced = false): ApplicationResponse {
    return {
      id: a.id,
      competitionId: a.competitionId,
      organizationId: a.organizationId,
      ...applicationContent(a),
      status: a.status,
      registrationNumber: a.registrationNumber,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      contentHash: a.contentHash,
      consultantAssisted: viewer?.role === 'expert' ? null : a.consultantAssisted,
      score: a.score === null || !mayReadScore(viewer, announced) ? null : Number(a.score),
      awardedAmount: a.awardedAmount,
      ineligibleReason: a.ineligibleReason,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

/** An expert would learn the co-reviewers' totals from the mean: admins only, and the applicant after the results. */
function mayReadScore(viewer: Actor | undefined, announced: boolean): boolean {
  return viewer?.role === 'admin' || (viewer?.role === 'applicant' && announced);
}

/** A row of `GET /applications`: the application and, for the tables of staff, its organization's name. */
export class ApplicationListItemResponse extends ApplicationResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'АНО «Серебряный возраст»',
    description: "The organization's full name; null for experts, who review the project, not the applicant",
  })
  organizationName: string | null;
}

export class ApplicationPageResponse {
  @ApiProperty({ type: [ApplicationListItemResponse] }) items: ApplicationListItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ApplicationEventResponse {
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['applicant', 'consultant', 'expert', 'admin', 'system'] }) actorRole: string;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class ApplicationEventsResponse {
  @ApiProperty({ type: [ApplicationEventResponse] }) items: ApplicationEventResponse[];
}

export class SubmittedDocumentResponse {
  @ApiProperty({ example: 'charter' }) type: string;
  @ApiProperty({ example: 'Устав АНО «Наш город».pdf' }) fileName: string;
  @ApiProperty({ example: 48213 }) size: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
}

/** The content as it was submitted; exactly the object whose canonical JSON `contentHash` is the hash of. */
export class SubmittedContentResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '2026-K7Q2M-0001' }) registrationNumber: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) summary: string | null;
  @ApiProperty({ nullable: true, type: String }) direction: string | null;
  @ApiProperty({ nullable: true, type: String, example: '200000.00' }) requestedAmount: string | null;
  @ApiProperty({ nullable: true, type: String, example: '50000.00' }) coFinancingAmount: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) projectStart: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) projectEnd: string | null;
  @ApiProperty({ nullable: true, type: String }) goals: string | null;
  @ApiProperty({ type: [ExpectedResultResponse] }) expectedResults: ExpectedResultResponse[];
  @ApiProperty({ type: [BudgetLineResponse] }) budgetLines: BudgetLineResponse[];
  @ApiProperty({ nullable: true, type: String }) geography: string | null;
  @ApiProperty({
    type: [SubmittedDocumentResponse],
    required: false,
    description: 'The attached files in upload order (absent in snapshots made before documents existed)',
  })
  documents?: SubmittedDocumentResponse[];
}

export class ApplicationSnapshotResponse {
  @ApiProperty({ type: SubmittedContentResponse }) content: Record<string, unknown>;
  @ApiProperty({
    description: 'SHA-256 (hex) of the RFC 8785 canonical JSON of `content`',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  contentHash: string;
}
