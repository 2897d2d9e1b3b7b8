/**
 * Money as integer kopecks (bigint) inside, a two-decimal string outside.
 * Arithmetic on money never goes through floating point.
 */
export type Money = string;

const MONEY_RE = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

export function isMoney(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && MONEY_RE.test(String(value));
  return typeof value === 'string' && MONEY_RE.test(value);
}

export function toKopecks(value: string | number): bigint {
  const m = MONEY_RE.exec(String(value));
  if (!m) throw new Error(`Not a money amount: ${value}`);
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

export function fromKopecks(k: bigint): Money {
  const sign = k < 0n ? '-' : '';
  const abs = k < 0n ? -k : k;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Normalises "150000", 150000.5 or "150000.5" to "150000.50". */
export function money(value: string | number): Money {
  return fromKopecks(toKopecks(value));
}

export function addMoney(...values: (string | number)[]): Money {
  return fromKopecks(values.reduce<bigint>((sum, v) => sum + toKopecks(v), 0n));
}

export function subMoney(a: string | number, b: string | number): Money {
  return fromKopecks(toKopecks(a) - toKopecks(b));
}

export function compareMoney(a: string | number, b: string | number): number {
  const d = toKopecks(a) - toKopecks(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/** a × percent / 100, rounded half up to the kopeck. */
export function percentOf(a: string | number, percent: string | number): Money {
  const p = toKopecks(percent); // percent × 100
  const num = toKopecks(a) * p;
  return fromKopecks((num + 5000n) / 10000n);
}
