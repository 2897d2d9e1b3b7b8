/**
 * The one CSV writer of every export: RFC 4180 quoting, CRLF line ends, an optional UTF-8 BOM (so
 * Excel opens Cyrillic correctly), and OWASP's CSV-injection defence: a text cell that a spreadsheet
 * would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, or their
 * full-width forms) gets a leading single quote and is quoted, so it shows as text and stays
 * readable (`-5%` becomes `'-5%`).
 * Numbers are written as numbers: only text can carry a formula.
 */
export type CsvValue = string | number | null | undefined;

export interface CsvOptions {
  /** Start with U+FEFF (UTF-8 BOM). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell: neutralised when it would start a formula, quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = value ?? '';
  if (FORMULA_START.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: the header row, then one row per record. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
