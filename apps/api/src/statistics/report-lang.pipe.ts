import { Injectable, PipeTransform } from '@nestjs/common';
import { invalid, isReportLocale, REPORT_LOCALES, ReportLocale } from '@grants/domain';

/** The report's language: `ru` when not given (the product's default), `en`; anything else is a 400 naming `lang`. */
@Injectable()
export class ReportLangPipe implements PipeTransform<string | undefined, ReportLocale> {
  transform(value: string | undefined): ReportLocale {
    if (value === undefined) return 'ru';
    if (!isReportLocale(value)) throw invalid(`lang must be one of ${REPORT_LOCALES.join(', ')}`);
    return value;
  }
}
