import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the statistics endpoints; the services build plain objects of these shapes. */
export class CompileJobResponse {
  @ApiProperty({ description: 'Follow it at GET /statistics/jobs/{jobId}' }) jobId: string;
}

export class StatisticsJobResponse {
  @ApiProperty() jobId: string;
  @ApiProperty({ enum: ['waiting', 'active', 'completed', 'failed'] }) state: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ enum: ['manual', 'announcement', 'yearly'] }) trigger: string;
  @ApiProperty() attemptsMade: number;
  @ApiPropertyOptional({ description: 'Once completed', format: 'uuid' }) snapshotId?: string;
  @ApiPropertyOptional({ description: 'Once failed' }) failedReason?: string;
}

export class ApplicationCountsResponse {
  @ApiProperty() started: number;
  @ApiProperty() drafts: number;
  @ApiProperty({ description: 'Every application ever submitted, whatever its later status' }) submitted: number;
  @ApiProperty() notSubmitted: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() ineligible: number;
  @ApiProperty() pendingDecision: number;
  @ApiProperty() awarded: number;
  @ApiProperty() notAwarded: number;
}

export class OrganizationFiguresResponse {
  @ApiProperty() applicants: number;
  @ApiProperty() winners: number;
  @ApiProperty() firstTime: number;
}

export class AmountFiguresResponse {
  @ApiProperty({ example: '450000.00' }) requested: string;
  @ApiProperty({ example: '300000.00' }) awarded: string;
  @ApiProperty({ example: '60000.00' }) coFinancing: string;
  @ApiProperty({ example: '90000.00' }) coFinancingSubmitted: string;
  @ApiProperty({ example: '150000.00' }) averageAward: string;
  @ApiProperty({ example: '1000000.00' }) totalBudget: string;
}

export class AssistanceFiguresResponse {
  @ApiProperty() applications: number;
  @ApiProperty() submitted: number;
  @ApiProperty() awarded: number;
  @ApiProperty({ example: '150000.00' }) amountAwarded: string;
  @ApiProperty({ description: '0..1' }) successRate: number;
}

export class DirectionFiguresResponse {
  @ApiProperty({ nullable: true, type: String }) direction: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty() submitted: number;
  @ApiProperty() awarded: number;
  @ApiProperty({ example: '150000.00' }) amountAwarded: string;
  @ApiProperty({ description: '0..1' }) successRate: number;
  @ApiProperty() assistedSubmitted: number;
  @ApiProperty() assistedAwarded: number;
}

export class CompetitionFiguresResponse {
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ example: '1000000.00' }) totalBudget: string;
  @ApiProperty() started: number;
  @ApiProperty() submitted: number;
  @ApiProperty() awarded: number;
  @ApiProperty() notAwarded: number;
  @ApiProperty({ example: '450000.00' }) amountRequested: string;
  @ApiProperty({ example: '300000.00' }) amountAwarded: string;
  @ApiProperty({ description: '0..1' }) successRate: number;
  @ApiProperty({ nullable: true, type: Number }) budgetUtilisation: number | null;
  @ApiProperty() assistedSubmitted: number;
  @ApiProperty() assistedAwarded: number;
  @ApiProperty({ nullable: true, type: Number }) averageScore: number | null;
}

export class GrantFiguresResponse {
  @ApiProperty() awaitingAgreement: number;
  @ApiProperty() active: number;
  @ApiProperty() completed: number;
  @ApiProperty() terminated: number;
  @ApiProperty({ description: 'Reports first submitted by 24:00 of their due date (competition zone)' })
  reportsOnTime: number;
  @ApiProperty({ description: 'Reports submitted later, and reports of active grants overdue now' })
  reportsLate: number;
  @ApiProperty({ description: 'Expected results of accepted final reports that reached their target' })
  indicatorsMet: number;
  @ApiProperty() indicatorsTotal: number;
  @ApiProperty({ example: '231000.00', description: 'Spent per the latest accepted report of each grant' })
  spent: string;
}

export class StatisticsFiguresResponse {
  @ApiProperty() year: number;
  @ApiProperty() competitions: number;
  @ApiProperty({ type: ApplicationCountsResponse }) applications: ApplicationCountsResponse;
  @ApiProperty({ type: OrganizationFiguresResponse }) organizations: OrganizationFiguresResponse;
  @ApiProperty({ type: AmountFiguresResponse, description: 'Money as two-decimal strings' })
  amounts: AmountFiguresResponse;
  @ApiProperty({ description: 'awarded / submitted, 0..1' }) successRate: number;
  @ApiProperty({ nullable: true, type: Number }) budgetUtilisation: number | null;
  @ApiProperty({ type: AssistanceFiguresResponse }) consultantAssisted: AssistanceFiguresResponse;
  @ApiProperty({ type: AssistanceFiguresResponse }) unassisted: AssistanceFiguresResponse;
  @ApiProperty({ type: [DirectionFiguresResponse] }) byDirection: DirectionFiguresResponse[];
  @ApiProperty({ type: [CompetitionFiguresResponse] }) byCompetition: CompetitionFiguresResponse[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Review counts and turnaround' })
  reviews: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Consultation counts and turnaround' })
  consultations: object;
  @ApiPropertyOptional({
    type: GrantFiguresResponse,
    description: 'Absent in snapshots compiled before grants existed',
  })
  grants?: GrantFiguresResponse;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The previous year’s headline figures' })
  previousYear: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Year-over-year change of headline figures' })
  change: object;
}

export class StatisticsSnapshotResponse {
  @ApiProperty() year: number;
  @ApiProperty({ example: '2026-12-31T17:00:00.000Z', format: 'date-time' }) compiledAt: string;
  @ApiProperty({ type: StatisticsFiguresResponse }) figures: StatisticsFiguresResponse;
}

export class PublishedReportResponse extends StatisticsSnapshotResponse {
  @ApiProperty({ example: '2027-01-20T05:00:00.000Z', format: 'date-time' }) publishedAt: string;
  @ApiProperty({
    example:
      'В 2026 году грантовую поддержку получили 5 проектов, подготовленных с участием специалистов Ресурсного центра.',
    description: 'The Resource Center’s sentence of the year in Russian',
  })
  headline: string;
  @ApiProperty({ description: 'The same sentence in English' }) headlineEn: string;
}

export class PublishedYearResponse {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class PublishedYearsResponse {
  @ApiProperty({ type: [PublishedYearResponse] }) items: PublishedYearResponse[];
}

export class Giving360PackageResponse {
  @ApiProperty({
    format: 'uri',
    example: 'https://creativecommons.org/licenses/by/4.0/',
    description: 'License of the published data (GRANTS_360_LICENSE)',
  })
  license: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '360Giving grants; amounts are JSON numbers as the 360Giving schema requires',
  })
  grants: object[];
}
