/** Russian plural forms: [one, few, many] as in 1 проект, 2 проекта, 5 проектов (11–14 take "many"). */
export type PluralForms = readonly [string, string, string];

export function pluralForm(n: number, forms: PluralForms): string {
  const n10 = Math.abs(n) % 10;
  const n100 = Math.abs(n) % 100;
  if (n10 === 1 && n100 !== 11) return forms[0];
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return forms[1];
  return forms[2];
}

/** "5 проектов": the number with the noun in the form it governs. */
export const countOf = (n: number, forms: PluralForms) => `${formatInt(n)} ${pluralForm(n, forms)}`;

/** A verb or participle agrees in number with a numeral: singular after 1, 21, 31… (not 11), plural otherwise. */
export const agrees = (n: number, singular: string, plural: string) =>
  Math.abs(n) % 10 === 1 && Math.abs(n) % 100 !== 11 ? singular : plural;

const NBSP = '\u00a0';
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);

export const formatInt = (n: number) => (n < 0 ? '−' : '') + group(String(Math.abs(Math.trunc(n))));

/** "1 234 567,00 руб." from a money string, without going through a float. */
export function formatRubles(money: string): string {
  const negative = money.startsWith('-');
  const [int, frac = '00'] = money.replace(/^-/, '').split('.');
  return `${negative ? '−' : ''}${group(int)},${frac.padEnd(2, '0')}${NBSP}руб.`;
}

/** "42,9 %" from a 0..1 rate. */
export const formatPercent = (rate: number) => `${formatDecimal(rate * 100, 1)}${NBSP}%`;

export function formatDecimal(n: number, digits: number): string {
  const fixed = (Math.round(n * 10 ** digits) / 10 ** digits).toFixed(digits);
  return (fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed).replace('.', ',');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const NOUNS = {
  project: ['проект', 'проекта', 'проектов'],
  /** Genitive: реализация 1 проекта, 5 проектов. */
  projectGen: ['проекта', 'проектов', 'проектов'],
  /** Genitive after "из": из 1 показателя, из 5 показателей. */
  indicatorGen: ['целевого показателя', 'целевых показателей', 'целевых показателей'],
  report: ['отчёт', 'отчёта', 'отчётов'],
  competition: ['конкурс', 'конкурса', 'конкурсов'],
  application: ['заявка', 'заявки', 'заявок'],
  /** Genitive after "от": от 1 организации, от 5 организаций. */
  organizationGen: ['организации', 'организаций', 'организаций'],
  organization: ['организация', 'организации', 'организаций'],
  /** Accusative: провели 1 консультацию. */
  consultationAcc: ['консультацию', 'консультации', 'консультаций'],
  reviewAcc: ['экспертную оценку', 'экспертные оценки', 'экспертных оценок'],
  /** Prepositional: в 1 случае, в 5 случаях. */
  caseLoc: ['случае', 'случаях', 'случаях'],
  hour: ['час', 'часа', 'часов'],
} as const satisfies Record<string, PluralForms>;
