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
  ValidateIf,
} from 'class-validator';
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

export class DeclareConflictDto {
  @ApiProperty()
  @IsUUID()
  organizationId: string;

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
