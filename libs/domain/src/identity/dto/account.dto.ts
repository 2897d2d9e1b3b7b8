import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, Locale } from '../../shared/roles';
import { trim } from '../../shared/transforms';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ngo@example.org', maxLength: 254 })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class TokenDto {
  @ApiProperty({ description: 'The token of the mailed link', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class PasswordResetConfirmDto extends TokenDto {
  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}

export class AcceptInvitationDto extends TokenDto {
  @ApiProperty({ example: 'Петрова Анна Сергеевна', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ru' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class UpdateUserDto extends UpdateProfileDto {
  @ApiPropertyOptional({ description: 'false deactivates: the user cannot log in and its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class InvitationDto {
  @ApiProperty({ example: 'colleague@example.org', maxLength: 254 })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class AcceptedResponse {}

export class InvitationResponse {
  @ApiProperty() email: string;
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty() emailVerified: boolean;
}

export class MembersResponse {
  @ApiProperty({ type: [MemberResponse], description: 'Active members' }) members: MemberResponse[];
  @ApiProperty({ type: [InvitationResponse], description: 'Pending invitations' }) invitations: InvitationResponse[];
}
