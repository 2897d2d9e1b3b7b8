/**
 * Instants shown in a competition's zone with the browser's own Intl (no date library on public
 * pages: every kilobyte counts against the 150 KB budget). Editors that parse typed dates may use
 * dayjs with its utc/timezone plugins.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${zone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f)
    formats.set(
      key,
      (f = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: zone, ...options })),
    );
  return f;
}

/** The visitor's own time zone, as the browser reports it. */
export const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "UTC+7", "UTC+5:30", "UTC−3", "UTC" for an instant in a zone. */
export function utcOffset(at: string | Date, zone: string): string {
  const name = format('en', zone, { timeZoneName: 'shortOffset' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])?(\d+)?(?::(\d\d))?/.exec(name);
  if (!m || !Number(m[2] ?? 0)) return 'UTC';
  return `UTC${m[1] === '-' ? '−' : '+'}${Number(m[2])}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`;
}

/** "15 декабря 2026, 23:59" (or "15 December 2026, 23:59") in the zone given. */
export function formatDateTime(at: string | Date, zone: string, language: string): string {
  const d = new Date(at);
  const date = format(language, zone, { day: 'numeric', month: 'long', year: 'numeric' })
    .format(d)
    .replace(/\s*г\.$/, '');
  const time = format(language, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${date}, ${time}`;
}

/** "15 декабря 2026" in the zone given. */
export function formatDate(at: string | Date, zone: string, language: string): string {
  return format(language, zone, { day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(at))
    .replace(/\s*г\.$/, '');
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

/** "30 июня 2027" from a calendar date (a date is not an instant: no zone to convert). */
export const formatDay = (date: string | null | undefined, language: string) =>
  date
    ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${date}T00:00:00Z`))
    : '—';
