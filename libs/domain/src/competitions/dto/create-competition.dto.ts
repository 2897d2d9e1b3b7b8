import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../shared/pagination';
import { IsCalendarDate, IsIanaTimezone, IsInstant, IsMoneyAmount, IsPercent, moneyInput } from './field.validators';
import { trim } from '../../shared/transforms';

/** `null` is only meaningful for optional fields; a required field sent as null must fail validation. */
const present = (_: object, value: unknown) => value !== undefined;

/** A coded, titled item of a competition: a direction or a criterion. */
class CodedTitleInput {
  @ApiProperty({ example: 'social' })
  @IsString()
  @Matches(/^[a-z0-9_-]{1,64}$/, { message: 'code must be 1–64 lowercase latin letters, digits, "_" or "-"' })
  code: string;

  @ApiProperty({ example: 'Социальная поддержка и защита граждан', description: 'Russian title' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Social support and protection of citizens',
    description: 'Shown to English-locale readers; the Russian title otherwise',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  titleEn?: string | null;
}

export class DirectionInput extends CodedTitleInput {}

export class CriterionInput extends CodedTitleInput {
  @ApiProperty({ example: 2 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  weight: number;

  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(100)
  maxScore: number;
}

export class DocumentTypeInput extends CodedTitleInput {
  @ApiProperty({ example: true, description: 'Submission is refused while no file of this type is attached' })
  @IsBoolean()
  required: boolean;
}

/** A report of the schedule: a coded title with the date (in the competition's zone) it is due. */
export class ReportScheduleInput extends CodedTitleInput {
  @ApiProperty({ example: '2027-06-30', description: "Due date in the competition's zone (reports are due by 24:00)" })
  @IsCalendarDate()
  dueDate: string;
}

export class CreateCompetitionDto {
  @ApiProperty({ example: 'Конкурс социально значимых проектов' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @ApiProperty({ example: 2026, description: 'The statistics year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Бюджет города' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  fundingSource?: string | null;

  @ApiPropertyOptional({ example: 'Asia/Krasnoyarsk', default: 'Asia/Krasnoyarsk' })
  @ValidateIf(present)
  @IsIanaTimezone()
  timezone?: string;

  @ApiProperty({ example: '2026-03-01T00:00:00Z' })
  @IsInstant()
  submissionOpensAt: string;

  @ApiProperty({ example: '2026-04-01T00:00:00+07:00' })
  @IsInstant()
  submissionDeadline: string;

  @ApiProperty({ example: '2026-05-01T00:00:00+07:00' })
  @IsInstant()
  reviewDeadline: string;

  @ApiProperty(moneyInput('1000000.00'))
  @IsMoneyAmount()
  totalBudget: string | number;

  @ApiProperty(moneyInput('300000.00'))
  @IsMoneyAmount()
  maxGrantAmount: string | number;

  @ApiPropertyOptional({ example: 10, default: 0 })
  @ValidateIf(present)
  @IsPercent()
  minCoFinancingPercent?: number;

  @ApiProperty({ type: [DirectionInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((d: DirectionInput) => d?.code, { message: 'directions must have unique codes' })
  @ValidateNested({ each: true })
  @Type(() => DirectionInput)
  directions: DirectionInput[];

  @ApiPropertyOptional({ type: [CriterionInput], description: 'Omitted: the ten default criteria' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique((c: CriterionInput) => c?.code, { message: 'criteria must have unique codes' })
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria?: CriterionInput[];

  @ApiPropertyOptional({
    type: [DocumentTypeInput],
    description:
      'Documents applicants attach. Omitted: charter (required), budget, letters, other; an empty list asks for none',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((d: DocumentTypeInput) => d?.code, { message: 'documentTypes must have unique codes' })
  @ValidateNested({ each: true })
  @Type(() => DocumentTypeInput)
  documentTypes?: DocumentTypeInput[];

  @ApiPropertyOptional({ example: 2, default: 2 })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  @Max(20)
  expertsPerApplication?: number;

  @ApiPropertyOptional({
    type: [ReportScheduleInput],
    description:
      'Reports of every grant, in due order (the last is the final report). Omitted: an interim report 6 and a final report 12 months after the earliest project start. Editable until the announcement',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique((r: ReportScheduleInput) => r?.code, { message: 'reportSchedule must have unique codes' })
  @ValidateNested({ each: true })
  @Type(() => ReportScheduleInput)
  reportSchedule?: ReportScheduleInput[];

  @ApiPropertyOptional({ example: 30, default: 30 })
  @ValidateIf(present)
  @IsPercent()
  divergenceThreshold?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 50 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99999)
  minScoreToAward?: number | null;
}

/** Any field of creation; after publish only description and later deadlines (checked by the service). */
export class UpdateCompetitionDto extends PartialType(CreateCompetitionDto, { skipNullProperties: false }) {}

export class CancelCompetitionDto {
  @ApiProperty({ example: 'Решение учредителя конкурса' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

const COMPETITION_STATUSES = ['draft', 'open', 'review', 'results_announced', 'archived', 'cancelled'];

export class CompetitionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPETITION_STATUSES })
  @IsOptional()
  @Matches(new RegExp(`^(${COMPETITION_STATUSES.join('|')})$`), {
    message: `status must be one of ${COMPETITION_STATUSES.join(', ')}`,
  })
  status?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
