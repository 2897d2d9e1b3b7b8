/** Applicant reminders: days before the submission deadline. */
export const APPLICANT_REMINDER_DAYS = [7, 3, 1] as const;
/** Expert reminders: days before the review deadline. */
export const EXPERT_REMINDER_DAYS = [2, 1] as const;
/** Reminders go out at this local hour in the competition's time zone (office hours, not midnight). */
export const REMINDER_LOCAL_HOUR = 10;
/**
 * A job whose time passed less than this long ago is still scheduled (and runs at once): after a Redis
 * loss the reminder due an hour ago is still worth sending, one from last week is not. Outbox dedupe keys
 * make a re-run harmless.
 */
export const LATE_JOB_GRACE_MS = 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
export function zonedParts(instant: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of the zone from UTC at an instant, in ms (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in a zone; re-checks the offset once so DST changes land right. */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/**
 * When the "N days before" reminder of a deadline is sent: REMINDER_LOCAL_HOUR on the calendar day
 * N days before the deadline's local date, counted in the competition's zone.
 */
export function reminderRunAt(deadline: Date, daysBefore: number, timeZone: string): Date {
  const local = zonedParts(deadline.getTime(), timeZone);
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day - daysBefore));
  return new Date(
    zonedTimeToUtc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), REMINDER_LOCAL_HOUR, 0, timeZone),
  );
}

/** True when a job due at `at` should still be scheduled at `now`. */
export const stillDue = (at: number, now: number) => at >= now - LATE_JOB_GRACE_MS;
