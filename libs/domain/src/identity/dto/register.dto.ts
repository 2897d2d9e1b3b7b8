import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidationArguments,
} from 'class-validator';
import { isValidInn, isValidOgrn } from '../../shared/inn';
import { LOCALES, Locale } from '../../shared/roles';
import { trim } from '../../shared/transforms';

@ValidatorConstraint({ name: 'inn' })
export class InnConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidInn(value);
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must be a 10-digit INN of a legal entity with a valid checksum`;
  }
}

@ValidatorConstraint({ name: 'ogrn' })
export class OgrnConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && isValidOgrn(value);
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must be a 13-digit OGRN with a valid checksum`;
  }
}

export class OrganizationInput {
  @ApiProperty({ example: 'Лесосибирская местная общественная организация «Серебряные волонтеры»' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  fullName: string;

  @ApiPropertyOptional({ example: 'Серебряные волонтеры' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  shortName?: string;

  @ApiProperty({ example: '2454000123', description: '10 digits, checksum-validated' })
  @Validate(InnConstraint)
  inn: string;

  @ApiPropertyOptional({ example: '1022401234567', description: '13 digits, checksum-validated' })
  @IsOptional()
  @Validate(OgrnConstraint)
  ogrn?: string;

  @ApiPropertyOptional({ example: 'г. Лесосибирск' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  municipality?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'ngo@example.org' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Иванова Мария Петровна' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'ru' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({ type: OrganizationInput })
  @IsObject()
  @ValidateNested()
  @Type(() => OrganizationInput)
  organization: OrganizationInput;
}

export class LoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}
