import { REMINDER_LOCAL_HOUR, zonedTimeToUtc } from '../deadlines/deadline-times';

/** Report reminders: days before the due date. */
export const REPORT_REMINDER_DAYS = [7, 1] as const;

function shiftDate(date: string, days: number) {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** REMINDER_LOCAL_HOUR (10:00) in the competition's zone, `daysBefore` calendar days before the due date. */
export function reportReminderAt(dueDate: string, daysBefore: number, timeZone: string): Date {
  const d = shiftDate(dueDate, -daysBefore);
  return new Date(zonedTimeToUtc(d.year, d.month, d.day, REMINDER_LOCAL_HOUR, 0, timeZone));
}

/** The end of the due date (24:00 in the competition's zone): a report not submitted by then is overdue. */
export function reportOverdueAt(dueDate: string, timeZone: string): Date {
  const d = shiftDate(dueDate, 1);
  return new Date(zonedTimeToUtc(d.year, d.month, d.day, 0, 0, timeZone));
}
