import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsUUID,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { compareMoney, isMoney } from '../../shared/money';
import { moneyInput } from '../../competitions/dto/field.validators';

@ValidatorConstraint({ name: 'positiveMoney' })
class PositiveMoneyConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isMoney(value) && compareMoney(value as string | number, 0) > 0;
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must be a positive amount with at most two decimals, as a string or a number`;
  }
}

export class AwardInput {
  @ApiProperty()
  @IsUUID()
  applicationId: string;

  @ApiProperty({ ...moneyInput('150000.00'), description: 'Positive' })
  @Validate(PositiveMoneyConstraint)
  amount: string | number;
}

export class AnnounceResultsDto {
  @ApiProperty({ type: [AwardInput] })
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => AwardInput)
  awards: AwardInput[];
}
