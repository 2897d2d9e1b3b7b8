const digits = (s: string) => [...s].map(Number);

/** INN of a legal entity: 10 digits, the last a checksum. */
export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  const d = digits(inn);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (w.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10;
  return check === d[9];
}

/** OGRN: 13 digits, the last is (first 12 mod 11) mod 10. */
export function isValidOgrn(ogrn: string): boolean {
  if (!/^\d{13}$/.test(ogrn)) return false;
  const check = Number((BigInt(ogrn.slice(0, 12)) % 11n) % 10n);
  return check === Number(ogrn[12]);
}

/** Builds a valid INN from 9 leading digits (for tests and demo data). */
export function innFrom(nine: string): string {
  const d = digits(nine);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  return nine + ((w.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10);
}

export function ogrnFrom(twelve: string): string {
  return twelve + Number((BigInt(twelve) % 11n) % 10n);
}
