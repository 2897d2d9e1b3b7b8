import { localDate, MAX_PROJECT_MONTHS } from '../applications/submit-rules';

/** One report every grant of the competition owes: `dueDate` is a date in the competition's zone. */
export interface ReportScheduleItem {
  code: string;
  title: string;
  titleEn?: string;
  dueDate: string;
}

/** A final report may fall due this long after the longest possible project has ended. */
export const FINAL_REPORT_GRACE_MONTHS = 3;

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/**
 * The project period of a competition's grants: projects start no earlier than the local date of the
 * submission deadline and last at most MAX_PROJECT_MONTHS (the submit rules).
 */
export function projectPeriod(submissionDeadline: Date, timezone: string) {
  const earliestStart = localDate(submissionDeadline, timezone);
  return { earliestStart, latestEnd: addMonths(earliestStart, MAX_PROJECT_MONTHS) };
}

/** API.md's default: an interim report after six months and a final report after twelve. */
export function defaultReportSchedule(submissionDeadline: Date, timezone: string): ReportScheduleItem[] {
  const { earliestStart } = projectPeriod(submissionDeadline, timezone);
  return [
    { code: 'interim', title: 'Промежуточный отчёт', titleEn: 'Interim report', dueDate: addMonths(earliestStart, 6) },
    { code: 'final', title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: addMonths(earliestStart, 12) },
  ];
}

/**
 * Due dates lie within or after the project period: not before the earliest project start, and not
 * later than FINAL_REPORT_GRACE_MONTHS after the latest possible project end. Listed in due order, the
 * last one being the final report. Returns one message per offending field.
 */
export function reportScheduleErrors(
  schedule: ReportScheduleItem[],
  submissionDeadline: Date,
  timezone: string,
): string[] {
  const { earliestStart, latestEnd } = projectPeriod(submissionDeadline, timezone);
  const latestDue = addMonths(latestEnd, FINAL_REPORT_GRACE_MONTHS);
  const errors: string[] = [];
  schedule.forEach((item, i) => {
    if (item.dueDate <= earliestStart)
      errors.push(`reportSchedule.${i}.dueDate must be after the earliest project start (${earliestStart})`);
    else if (item.dueDate > latestDue)
      errors.push(
        `reportSchedule.${i}.dueDate must be no later than ${latestDue} (the project period plus ${FINAL_REPORT_GRACE_MONTHS} months)`,
      );
    if (i > 0 && item.dueDate < schedule[i - 1].dueDate)
      errors.push(`reportSchedule.${i}.dueDate must not be earlier than the report before it`);
  });
  return errors;
}
