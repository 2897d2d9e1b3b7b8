import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  Equals,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';
import { isValidInn } from '../../shared/inn';
import { PageQuery } from '../../shared/pagination';
import { trim } from '../../shared/transforms';

/** A draft of scores; each score is checked against the competition's criteria in the service. */
export class SaveReviewDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    example: { relevance: 8, coherence: 7 },
    description: 'criterion code → whole points 0..maxScore',
  })
  @IsObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ description: 'Replaces the comment when present' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  comment?: string;
}

export class DeclineReviewDto {
  @ApiProperty({ example: 'Являюсь членом правления организации' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

@ValidatorConstraint({ name: 'conflictInn' })
class ConflictInnConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments) {
    if ((args.object as DeclareConflictDto).organizationId !== undefined) return false;
    return typeof value === 'string' && isValidInn(value);
  }
  defaultMessage(args: ValidationArguments) {
    return (args.object as DeclareConflictDto).organizationId !== undefined
      ? `${args.property} must not be given together with organizationId`
      : `${args.property} must be a 10-digit INN of a legal entity with a valid checksum`;
  }
}

/** The organization by its id, or ahead of any assignment by its INN (exactly one of the two). */
export class DeclareConflictDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The organization; or give `inn` instead' })
  @ValidateIf((o: DeclareConflictDto) => o.inn === undefined || o.organizationId !== undefined)
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    example: '2466000018',
    pattern: '^\\d{10}$',
    description: 'INN of a registered organization, instead of `organizationId`; an unknown INN is a 404',
  })
  @ValidateIf((o: DeclareConflictDto) => o.inn !== undefined)
  @Validate(ConflictInnConstraint)
  inn?: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export const REVIEW_STATUSES = ['assigned', 'in_progress', 'submitted', 'declined'] as const;

export class ReviewListQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  competitionId?: string;

  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: (typeof REVIEW_STATUSES)[number];
}

/** Either `{applicationId, expertId}` (manual) or `{auto: true}` (automatic), never both. */
export class AssignmentDto {
  @ApiPropertyOptional({ description: 'true for automatic assignment' })
  @IsOptional()
  @Equals(true)
  auto?: true;

  @ApiPropertyOptional()
  @ValidateIf((o: AssignmentDto) => o.auto !== true || o.applicationId !== undefined)
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: AssignmentDto) => o.auto !== true || o.expertId !== undefined)
  @IsUUID()
  expertId?: string;
}
