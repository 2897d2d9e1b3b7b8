import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/ru';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

/** The visitor's own time zone, as the browser reports it. */
export const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "UTC+7", "UTC+5:30", "UTC" for an instant in a zone. */
export function utcOffset(at: string | Date, zone: string): string {
  const minutes = dayjs(at).tz(zone).utcOffset();
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** "15 декабря 2026, 23:59" in the zone and language given. */
export function formatDateTime(at: string | Date, zone: string, language: string): string {
  return dayjs(at)
    .tz(zone)
    .locale(language)
    .format(language === 'ru' ? 'D MMMM YYYY, HH:mm' : 'D MMMM YYYY, HH:mm');
}

export function formatDate(at: string | Date, zone: string, language: string): string {
  return dayjs(at).tz(zone).locale(language).format('D MMMM YYYY');
}

/** Whole days, hours, minutes and seconds from now until `at` (all 0 once it passed). */
export function remaining(at: string | Date, now: number) {
  const ms = Math.max(0, new Date(at).getTime() - now);
  const s = Math.floor(ms / 1000);
  return {
    ms,
    days: Math.floor(s / 86400),
    hours: Math.floor((s % 86400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}
