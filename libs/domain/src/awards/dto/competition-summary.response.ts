import { ApiProperty } from '@nestjs/swagger';

/** Applications of the competition per status (every status, zero when none). */
export class SummaryApplicationCounts {
  @ApiProperty() draft: number;
  @ApiProperty() submitted: number;
  @ApiProperty() under_review: number;
  @ApiProperty() reviewed: number;
  @ApiProperty() awarded: number;
  @ApiProperty() not_awarded: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() not_submitted: number;
  @ApiProperty() ineligible: number;
}

export class SummaryConsultations {
  @ApiProperty() requested: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() completed: number;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the longest-waiting request not taken yet was made',
  })
  oldestWaitingSince: string | null;
}

export class SummaryReviews {
  @ApiProperty() assigned: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() submitted: number;
  @ApiProperty() declined: number;
  @ApiProperty({ description: 'Assigned or in progress past their due time' }) overdue: number;
}

export class CompetitionSummaryResponse {
  @ApiProperty({ type: SummaryApplicationCounts }) applications: SummaryApplicationCounts;
  @ApiProperty({ type: SummaryConsultations }) consultations: SummaryConsultations;
  @ApiProperty({ type: SummaryReviews }) reviews: SummaryReviews;
  @ApiProperty({ description: 'Applications whose first reviews diverge and whose extra review is not in yet' })
  divergent: number;
  @ApiProperty({ description: 'Failed mails about this competition' }) failedNotifications: number;
}
