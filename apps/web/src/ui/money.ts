/**
 * Money as the API speaks it (a decimal string with two digits, "150000.50") and as people type and
 * read it in Russia ("150 000,50", "150 000,00 ₽"). Exact: strings, never floating point.
 */
const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Reads what a person typed: `150000`, `150 000,50`, `150000.50`, `150 000.5` → "150000.50";
 * empty → ""; anything else (letters, two separators, three decimals, negative) → null.
 */
export function parseMoney(input: string): string | null {
  const compact = input.replace(SPACES, '').replace(/₽|руб\.?|rub/gi, '');
  if (compact === '') return '';
  const match = /^(\d+)(?:[.,](\d{0,2}))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  return `${whole}.${cents}`;
}

/** "150000.5" or 150000.5 → "150 000,50" (non-breaking spaces between groups of three). */
export function formatMoneyPlain(value: string | number): string {
  const [whole, fraction = ''] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${grouped},${fraction.padEnd(2, '0').slice(0, 2)}`;
}

/** "150000.00" → "150 000,00 ₽". */
export function formatMoney(value: string | number): string {
  return `${formatMoneyPlain(value)}\u00a0₽`;
}
