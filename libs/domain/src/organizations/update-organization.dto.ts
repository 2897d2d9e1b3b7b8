import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, Validate, ValidateIf } from 'class-validator';
import { OgrnConstraint } from '../identity/dto/register.dto';
import { trim } from '../shared/transforms';

/** Any of the organization's details; the INN cannot change (an unknown field, so a 400). */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  fullName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  shortName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1022401234567',
    description: '13 digits, checksum-validated',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Validate(OgrnConstraint)
  ogrn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(200)
  municipality?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(50)
  phone?: string | null;
}
