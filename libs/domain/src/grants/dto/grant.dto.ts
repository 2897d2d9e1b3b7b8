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
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsMoneyAmount, moneyInput } from '../../competitions/dto/field.validators';
import { PageQuery } from '../../shared/pagination';
import { trim } from '../../shared/transforms';
import { GRANT_STATUSES } from '../grant.entity';

/** null is allowed where a value may still be missing in a draft; absent keeps what is stored. */
const given = (_: object, value: unknown) => value !== undefined && value !== null;

export class GrantListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  competitionId?: string;

  @ApiPropertyOptional({ enum: GRANT_STATUSES })
  @IsOptional()
  @IsIn(GRANT_STATUSES)
  status?: string;
}

export class RecordAgreementDto {
  @ApiProperty({ example: '17-ГП/2026' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agreementNumber: string;

  @ApiProperty({ example: '2026-12-15', format: 'date' })
  @IsCalendarDate()
  agreementDate: string;
}

export class TerminateGrantDto {
  @ApiProperty({ example: 'Организация отказалась от реализации проекта' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class ReportResultInput {
  @ApiProperty({ example: 'Число вовлеченных волонтеров', description: "As in the application's expected results" })
  @IsString()
  @MaxLength(500)
  indicator: string;

  @ApiProperty({ example: '120 человек', description: "As in the application's expected results" })
  @IsString()
  @MaxLength(200)
  target: string;

  @ApiProperty({ example: '134 человека', nullable: true, type: String, description: 'null while not yet known' })
  @ValidateIf(given)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  achieved: string | null;
}

export class ReportExpenditureInput {
  @ApiProperty({ example: 'Оплата труда координатора', description: "As in the application's budget lines" })
  @IsString()
  @MaxLength(500)
  item: string;

  @ApiProperty({ ...moneyInput('120000.00'), description: "The line's amount in the application" })
  @IsMoneyAmount()
  planned: string | number;

  @ApiProperty({
    ...moneyInput('118500.00', { nullable: true }),
    description: 'Spent so far; null while not yet known',
  })
  @ValidateIf(given)
  @IsMoneyAmount()
  spent: string | number | null;
}

/**
 * The report's content as the NGO drafts it. Each field present replaces the stored one; `results` and
 * `expenditures` list the application's expected results and budget lines in their order.
 */
export class SaveReportDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'What was done; may explain overspent lines' })
  @ValidateIf(given)
  @IsString()
  @MaxLength(20000)
  narrative?: string | null;

  @ApiPropertyOptional({ type: [ReportResultInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReportResultInput)
  results?: ReportResultInput[];

  @ApiPropertyOptional({ type: [ReportExpenditureInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportExpenditureInput)
  expenditures?: ReportExpenditureInput[];
}

export class ReturnReportDto {
  @ApiProperty({ example: 'Приложите подтверждающие документы по статье «Аренда»' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  comment: string;
}

export class AcceptReportDto {
  @ApiPropertyOptional({ example: 'Отчёт принят без замечаний' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  comment?: string;
}
