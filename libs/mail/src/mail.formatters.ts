import { PermanentMailError } from './mail.errors';

export type MailLocale = 'ru' | 'en';

const INTL_LOCALE: Record<MailLocale, string> = { ru: 'ru-RU', en: 'en-GB' };

/** The day and time formats of a locale in a zone, built once: building them costs more than a mail's rendering. */
const dateTimeFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function dateTimeFormatsOf(intl: string, timeZone: string) {
  const key = `${intl} ${timeZone}`;
  let formats = dateTimeFormats.get(key);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat(intl, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat(intl, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    if (dateTimeFormats.size >= 1000) dateTimeFormats.clear();
    dateTimeFormats.set(key, formats);
  }
  return formats;
}

/** "17 октября 2026 г., 23:30 (Asia/Krasnoyarsk)": an instant shown in the competition's zone, zone named. */
export function formatDateTime(iso: string, timeZone: string, locale: MailLocale): string {
  const at = new Date(iso);
  if (typeof iso !== 'string' || Number.isNaN(at.getTime())) throw new PermanentMailError(`Not a date: ${String(iso)}`);
  const { day, time } = dateTimeFormatsOf(INTL_LOCALE[locale], timeZone);
  return `${day.format(at)}, ${time.format(at)} (${timeZone})`;
}

/** "15 мая 2027 г." (ru) or "15 May 2027" (en) from a calendar date YYYY-MM-DD (no zone: it is a date). */
export function formatDate(date: string, locale: MailLocale): string {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) throw new PermanentMailError(`Not a calendar date: ${String(date)}`);
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateTimeFormatsOf(INTL_LOCALE[locale], 'UTC').day.format(at);
}

/**
 * "150 000,00 ₽" (ru) or "RUB 150,000.00" (en) from a money string. Works on the digits, never on a float,
 * so large amounts keep every kopeck.
 */
export function formatMoney(amount: string, locale: MailLocale): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
  if (!m) throw new PermanentMailError(`Not a money amount: ${String(amount)}`);
  const [, sign, whole, fraction = ''] = m;
  const kopecks = fraction.padEnd(2, '0');
  const group = (sep: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return locale === 'ru' ? `${sign}${group(' ')},${kopecks} ₽` : `${sign}RUB ${group(',')}.${kopecks}`;
}

/** Russian plural of days: 1 день, 3 дня, 7 дней. */
export function formatDays(n: number, locale: MailLocale): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new PermanentMailError(`Not a number of days: ${String(n)}`);
  if (locale === 'en') return `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
  const mod10 = Math.abs(n) % 10;
  const mod100 = Math.abs(n) % 100;
  const word =
    mod10 === 1 && mod100 !== 11 ? 'день' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'дня' : 'дней';
  return `${n} ${word}`;
}
