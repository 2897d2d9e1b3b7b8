/** English plural forms: [singular, plural] as in 1 project, 5 projects (0 takes the plural). */
export type EnglishPluralForms = readonly [string, string];

export const pluralFormEn = (n: number, forms: EnglishPluralForms) => (Math.abs(n) === 1 ? forms[0] : forms[1]);

/** "5 projects": the number with the noun in the form it takes. */
export const countOfEn = (n: number, forms: EnglishPluralForms) => `${formatIntEn(n)} ${pluralFormEn(n, forms)}`;

/** "was" after 1, "were" otherwise: the verb agrees with the count before it. */
export const agreesEn = (n: number, singular: string, plural: string) => (Math.abs(n) === 1 ? singular : plural);

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const formatIntEn = (n: number) => (n < 0 ? '−' : '') + group(String(Math.abs(Math.trunc(n))));

/** "1,234,567.00 RUB" from a money string, without going through a float. */
export function formatRublesEn(money: string): string {
  const negative = money.startsWith('-');
  const [int, frac = '00'] = money.replace(/^-/, '').split('.');
  return `${negative ? '−' : ''}${group(int)}.${frac.padEnd(2, '0')}\u00a0RUB`;
}

/** "42.9%" from a 0..1 rate. */
export const formatPercentEn = (rate: number) => `${formatDecimalEn(rate * 100, 1)}%`;

export function formatDecimalEn(n: number, digits: number): string {
  const fixed = (Math.round(n * 10 ** digits) / 10 ** digits).toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

export const NOUNS_EN = {
  project: ['project', 'projects'],
  target: ['target', 'targets'],
  report: ['report', 'reports'],
  competition: ['competition', 'competitions'],
  application: ['application', 'applications'],
  organization: ['organization', 'organizations'],
  consultation: ['consultation', 'consultations'],
  review: ['review', 'reviews'],
  case: ['case', 'cases'],
  hour: ['hour', 'hours'],
} as const satisfies Record<string, EnglishPluralForms>;
