import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../shared/pagination';
import { IsCalendarDate, IsMoneyAmount, moneyInput } from '../../competitions/dto/field.validators';
import { APPLICATION_STATUSES } from '../application-fields';
import { booleanQuery, trim } from '../../shared/transforms';

export class ExpectedResultInput {
  @ApiProperty({ example: 'Число вовлеченных волонтеров' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  indicator: string;

  @ApiProperty({ example: '120 человек' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  target: string;
}

export class BudgetLineInput {
  @ApiProperty({ example: 'Оплата труда координатора' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  item: string;

  @ApiProperty(moneyInput('120000.00'))
  @IsMoneyAmount()
  amount: string | number;
}

/** The content of an application; every field but the title may stay empty while it is a draft. */
export class CreateApplicationDto {
  @ApiProperty({ example: 'Серебряное волонтерство' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "One of the competition's direction codes",
    example: 'social',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  direction?: string | null;

  @ApiPropertyOptional(moneyInput('200000.00', { nullable: true }))
  @IsOptional()
  @IsMoneyAmount()
  requestedAmount?: string | number | null;

  @ApiPropertyOptional(moneyInput('50000.00', { nullable: true }))
  @IsOptional()
  @IsMoneyAmount()
  coFinancingAmount?: string | number | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-02-01' })
  @IsOptional()
  @IsCalendarDate()
  projectStart?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-11-30' })
  @IsOptional()
  @IsCalendarDate()
  projectEnd?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  goals?: string | null;

  @ApiPropertyOptional({ type: [ExpectedResultInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ExpectedResultInput)
  expectedResults?: ExpectedResultInput[] | null;

  @ApiPropertyOptional({ type: [BudgetLineInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budgetLines?: BudgetLineInput[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'г. Лесосибирск' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  geography?: string | null;
}

export class UpdateApplicationDto extends PartialType(CreateApplicationDto, { skipNullProperties: false }) {}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  competitionId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only consultant-assisted applications (at least one completed Resource Center consultation, the rule of the statistics); false: only the others',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  assisted?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: each of the applicant's own drafts on the page carries its `checklist` (what `GET /applications/:id/checklist` answers), so a dashboard needs no request per draft",
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  checklist?: boolean;
}

export class IneligibleDto {
  @ApiProperty({ example: 'Организация не является СО НКО' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({ example: 'Проект будет подан в другой конкурс' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
