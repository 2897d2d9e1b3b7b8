import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_FIELDS } from '../../applications/application-fields';
import { PageQuery } from '../../shared/pagination';
import { Consultation, ConsultationStatus, Remark } from '../consultation.entity';
import { trim } from '../../shared/transforms';

/** A remark names a field, or a cell of the budget lines or expected results (`budgetLines.0.amount`). */
const REMARK_FIELD = new RegExp(
  `^(?:${APPLICATION_FIELDS.join('|')}|budgetLines\\.\\d{1,3}\\.(?:item|amount)|expectedResults\\.\\d{1,3}\\.(?:indicator|target))$`,
);

const STATUSES: ConsultationStatus[] = ['requested', 'in_progress', 'completed'];
const VERDICTS = ['ready', 'needs_changes'] as const;

export class RequestConsultationDto {
  @ApiProperty({ example: 'Правильно ли рассчитано софинансирование?' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  question: string;
}

export class RemarkInput {
  @ApiProperty({
    example: 'budgetLines.0.amount',
    pattern: REMARK_FIELD.source,
    description: `An application field (${APPLICATION_FIELDS.join(', ')}) or one cell of its lists: \`budgetLines.<n>.item|amount\`, \`expectedResults.<n>.indicator|target\``,
  })
  @IsString()
  @Matches(REMARK_FIELD, {
    message: `field must be one of: ${APPLICATION_FIELDS.join(', ')} (or budgetLines.<n>.amount and the like)`,
  })
  field: string;

  @ApiProperty({ example: 'Статья «Расходные материалы» не обоснована' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;
}

export class CompleteConsultationDto {
  @ApiProperty({ example: 'Заявка в целом готова, поправьте бюджет' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  comment: string;

  @ApiProperty({ enum: VERDICTS })
  @IsIn(VERDICTS)
  verdict: (typeof VERDICTS)[number];

  @ApiPropertyOptional({ type: [RemarkInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RemarkInput)
  remarks?: RemarkInput[];
}

export class ConsultationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ConsultationStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ description: 'Only consultations on applications to this competition' })
  @IsOptional()
  @IsUUID()
  competitionId?: string;
}

export class RemarkResponse {
  @ApiProperty() field: string;
  @ApiProperty() text: string;
}

export class ConsultationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() question: string;
  @ApiProperty({ enum: STATUSES }) status: ConsultationStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) consultantId: string | null;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, enum: VERDICTS }) verdict: 'ready' | 'needs_changes' | null;
  @ApiProperty({ type: [RemarkResponse] }) remarks: Remark[];
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) takenAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;

  static from(c: Consultation): ConsultationResponse {
    return {
      id: c.id,
      applicationId: c.applicationId,
      organizationId: c.organizationId,
      question: c.question,
      status: c.status,
      consultantId: c.consultantId,
      comment: c.comment,
      verdict: c.verdict,
      remarks: c.remarks,
      requestedAt: c.requestedAt.toISOString(),
      takenAt: c.takenAt?.toISOString() ?? null,
      completedAt: c.completedAt?.toISOString() ?? null,
    };
  }
}

/** One consultation as its page shows it: with the name of the consultant who took it. */
export class ConsultationDetailResponse extends ConsultationResponse {
  @ApiProperty({ nullable: true, type: String, example: 'Ольга Консультант' }) consultantName: string | null;
}

/** A line of the queue: the consultation with what a consultant needs to choose one. */
export class ConsultationListItem extends ConsultationResponse {
  @ApiProperty({ format: 'uuid' }) competitionId: string;
  @ApiProperty({ description: 'Title of the application (project)' }) applicationTitle: string;
  @ApiProperty({ description: 'Short name of the organization, else its full name' }) organizationName: string;
}

export class ConsultationPageResponse {
  @ApiProperty({ type: [ConsultationListItem] }) items: ConsultationListItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
