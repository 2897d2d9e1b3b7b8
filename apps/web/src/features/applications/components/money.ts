/** Sums of money strings ("150000.50") exactly, in kopecks: for showing totals as the person types. */
const kopecks = (value: string) => {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
};

const fromKopecks = (k: bigint) => {
  const sign = k < 0n ? '-' : '';
  const abs = k < 0n ? -k : k;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

export function sumMoney(values: string[]): string {
  return fromKopecks(values.reduce((s, v) => s + kopecks(v), 0n));
}

export function subtractMoney(a: string, b: string): string {
  return fromKopecks(kopecks(a) - kopecks(b));
}

/** Share of `part` in `total` in percent with one decimal ("18,2"), or null when the total is 0. */
export function sharePercent(part: string, total: string): number | null {
  const t = kopecks(total);
  if (t === 0n) return null;
  return Number((kopecks(part) * 1000n) / t) / 10;
}
