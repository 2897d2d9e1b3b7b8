import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** criterion code → points */
const SCORES = { type: 'object', additionalProperties: { type: 'number' }, example: { relevance: 8 } } as const;

/** Totals and scores are JSON numbers with at most two decimals (they are points, not money). */
export class ReviewListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiProperty({ description: 'Title of the application (project)' }) title: string;
  @ApiProperty({ enum: ['assigned', 'in_progress', 'submitted', 'declined'] }) status: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class ReviewPageResponse {
  @ApiProperty({ type: [ReviewListItem] }) items: ReviewListItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ description: 'Only the expert itself and admins ever see a review', format: 'uuid' }) expertId: string;
  @ApiProperty({ enum: ['assigned', 'in_progress', 'submitted', 'declined'] }) status: string;
  @ApiProperty(SCORES) scores: Record<string, number>;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Σ score × weight over the scored criteria' }) total:
    number | null;
  @ApiProperty() isExtra: boolean;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time' }) assignedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) declineReason: string | null;
}

export class ApplicationReviewItem {
  @ApiProperty({ example: 'Эксперт 1' }) expertLabel: string;
  @ApiProperty(SCORES) scores: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number }) total: number | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiPropertyOptional({ description: 'Admins only', format: 'uuid' }) expertId?: string;
  @ApiPropertyOptional({ description: 'Admins only' }) status?: string;
}

export class ApplicationReviewsResponse {
  @ApiProperty({ type: [ApplicationReviewItem] }) items: ApplicationReviewItem[];
}

export class ConflictResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ description: 'Short name of the organization, else its full name' }) organizationName: string;
  @ApiProperty({ example: '2466000018' }) inn: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ConflictPageResponse {
  @ApiProperty({ type: [ConflictResponse] }) items: ConflictResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DeclaredConflictResponse extends ConflictResponse {
  @ApiProperty({ type: [String], description: 'Unfinished reviews of this organization declined by the declaration' })
  declinedReviewIds: string[];
}

export class AutoAssignmentResponse {
  @ApiProperty({ description: 'Reviews created' }) created: number;
  @ApiProperty({ description: 'Reviewer slots left empty for lack of a free, unconflicted expert' }) unfilled: number;
}

export class ExpertLoadItem {
  @ApiProperty({ format: 'uuid' }) expertId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Active (not declined) reviews in this competition' }) assigned: number;
  @ApiProperty() submitted: number;
  @ApiProperty() declined: number;
  @ApiProperty({ nullable: true, type: Number }) meanTotal: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Mean z-score of the expert’s totals against the other experts’ totals on the same applications; > 0 lenient, < 0 harsh',
  })
  leniency: number | null;
}

export class ExpertLoadResponse {
  @ApiProperty({ type: [ExpertLoadItem] }) items: ExpertLoadItem[];
}
