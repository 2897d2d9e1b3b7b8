import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from './money';

const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe('parseMoney', () => {
  it('reads the ways people type an amount', () => {
    expect(parseMoney('150000')).toBe('150000.00');
    expect(parseMoney('150 000,50')).toBe('150000.50');
    expect(parseMoney('150000.50')).toBe('150000.50');
    expect(parseMoney('150\u00a0000,5')).toBe('150000.50');
    expect(parseMoney(' 1 000 ₽ ')).toBe('1000.00');
    expect(parseMoney('0,99')).toBe('0.99');
    expect(parseMoney('')).toBe('');
  });

  it('refuses what is not an amount instead of guessing', () => {
    expect(parseMoney('150000.505')).toBeNull();
    expect(parseMoney('1.000,50')).toBeNull();
    expect(parseMoney('-100')).toBeNull();
    expect(parseMoney('сто')).toBeNull();
    expect(parseMoney('1e5')).toBeNull();
  });
});

describe('formatMoney', () => {
  it('shows Russian style with two decimals and the rouble sign', () => {
    expect(formatMoney('150000.00')).toBe(nbsp('150 000,00 ₽'));
    expect(formatMoney('1234567.5')).toBe(nbsp('1 234 567,50 ₽'));
    expect(formatMoney('999.00')).toBe(nbsp('999,00 ₽'));
    expect(formatMoney(parseMoney('150000.50')!)).toBe(nbsp('150 000,50 ₽'));
  });
});
