import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Competition, CompetitionStatus } from '../competition.entity';

const TITLE_EN = { description: 'English title; present only when one was given' };

export class DirectionResponse {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional(TITLE_EN) titleEn?: string;
}

export class CriterionResponse {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional(TITLE_EN) titleEn?: string;
  @ApiProperty() weight: number;
  @ApiProperty() maxScore: number;
}

export class DocumentTypeResponse {
  @ApiProperty({ example: 'charter' }) code: string;
  @ApiProperty({ example: 'Устав организации' }) title: string;
  @ApiPropertyOptional(TITLE_EN) titleEn?: string;
  @ApiProperty() required: boolean;
}

export class ReportScheduleResponse {
  @ApiProperty({ example: 'interim' }) code: string;
  @ApiProperty({ example: 'Промежуточный отчёт' }) title: string;
  @ApiPropertyOptional(TITLE_EN) titleEn?: string;
  @ApiProperty({ example: '2027-06-30', format: 'date' }) dueDate: string;
}

export class CompetitionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Short code used in registration numbers', example: 'K7Q2M' }) shortCode: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: String }) fundingSource: string | null;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ example: 'Asia/Krasnoyarsk' }) timezone: string;
  @ApiProperty({ format: 'date-time' }) submissionOpensAt: string;
  @ApiProperty({ format: 'date-time' }) submissionDeadline: string;
  @ApiProperty({ format: 'date-time' }) reviewDeadline: string;
  @ApiProperty({ example: '1000000.00' }) totalBudget: string;
  @ApiProperty({ example: '300000.00' }) maxGrantAmount: string;
  @ApiProperty({ example: 10 }) minCoFinancingPercent: number;
  @ApiProperty({ type: [DirectionResponse] }) directions: DirectionResponse[];
  @ApiProperty({ type: [CriterionResponse] }) criteria: CriterionResponse[];
  @ApiProperty({ type: [DocumentTypeResponse] }) documentTypes: DocumentTypeResponse[];
  @ApiProperty({ example: 2 }) expertsPerApplication: number;
  @ApiProperty({ type: [ReportScheduleResponse] }) reportSchedule: ReportScheduleResponse[];
  @ApiProperty({ example: 30 }) divergenceThreshold: number;
  @ApiProperty({ nullable: true, type: Number }) minScoreToAward: number | null;
  @ApiProperty({ enum: ['draft', 'open', 'review', 'results_announced', 'archived', 'cancelled'] })
  status: CompetitionStatus;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) announcedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(c: Competition): CompetitionResponse {
    return {
      id: c.id,
      shortCode: c.shortCode,
      title: c.title,
      description: c.description,
      year: c.year,
      fundingSource: c.fundingSource,
      currency: c.currency,
      timezone: c.timezone,
      submissionOpensAt: c.submissionOpensAt.toISOString(),
      submissionDeadline: c.submissionDeadline.toISOString(),
      reviewDeadline: c.reviewDeadline.toISOString(),
      totalBudget: c.totalBudget,
      maxGrantAmount: c.maxGrantAmount,
      minCoFinancingPercent: Number(c.minCoFinancingPercent),
      directions: c.directions,
      criteria: c.criteria,
      documentTypes: c.documentTypes,
      expertsPerApplication: c.expertsPerApplication,
      reportSchedule: c.reportSchedule,
      divergenceThreshold: Number(c.divergenceThreshold),
      minScoreToAward: c.minScoreToAward === null ? null : Number(c.minScoreToAward),
      status: c.status,
      cancelReason: c.cancelReason,
      publishedAt: c.publishedAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      announcedAt: c.announcedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
    };
  }
}

export class CompetitionPageResponse {
  @ApiProperty({ type: [CompetitionResponse] }) items: CompetitionResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
