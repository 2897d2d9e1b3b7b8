import { Injectable, PipeTransform } from '@nestjs/common';
import { invalid } from '@grants/domain';

/** A statistics year: an integer 2000..2100, anything else is a 400 naming `year`. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 2000 && year <= 2100)) throw invalid('year must be an integer from 2000 to 2100');
    return year;
  }
}
