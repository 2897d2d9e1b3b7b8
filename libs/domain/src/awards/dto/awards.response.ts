import { ApiProperty } from '@nestjs/swagger';

/** Scores are JSON numbers with at most two decimals; money is a two-decimal string. */
export class RankingItem {
  @ApiProperty() rank: number;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ nullable: true, type: String, example: '150000.00' }) requestedAmount: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of submitted totals; null until reviewed' }) score:
    number | null;
  @ApiProperty() reviewsSubmitted: number;
  @ApiProperty({ description: 'The first reviews diverge and the extra review is not in yet' })
  needsExtraReview: boolean;
  @ApiProperty({ enum: ['under_review', 'reviewed', 'awarded', 'not_awarded'] }) status: string;
}

export class RankingResponse {
  @ApiProperty({ type: [RankingItem] }) items: RankingItem[];
}

export class AwardProposalItem {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ example: '150000.00' }) amount: string;
}

export class AwardProposalResponse {
  @ApiProperty({ type: [AwardProposalItem] }) items: AwardProposalItem[];
  @ApiProperty({ example: '450000.00' }) total: string;
}

export class AnnouncementResponse {
  @ApiProperty() awarded: number;
  @ApiProperty() notAwarded: number;
  @ApiProperty({ example: '450000.00' }) totalAwarded: string;
  @ApiProperty({ description: 'Applications still under review: they keep that status and get no decision' })
  pending: number;
}

export class PublicResultItem {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() inn: string;
  @ApiProperty({ example: '150000.00' }) awardedAmount: string;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The grant of the award: its public project card is GET /public/grants/{grantId}',
  })
  grantId: string | null;
}

export class PublicResultsResponse {
  @ApiProperty({ type: [PublicResultItem] }) items: PublicResultItem[];
  @ApiProperty({ example: '450000.00' }) totalAwarded: string;
  @ApiProperty({ format: 'date-time' }) announcedAt: string;
}
