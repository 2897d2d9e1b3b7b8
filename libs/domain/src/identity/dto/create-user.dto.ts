import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../shared/pagination';
import { LOCALES, Locale } from '../../shared/roles';
import { trim } from '../../shared/transforms';

const STAFF_ROLES = ['consultant', 'expert', 'admin'] as const;

export class CreateUserDto {
  @ApiProperty()
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: (typeof STAFF_ROLES)[number];

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['applicant', 'consultant', 'expert', 'admin'] })
  @IsOptional()
  @IsIn(['applicant', 'consultant', 'expert', 'admin'])
  role?: string;
}
