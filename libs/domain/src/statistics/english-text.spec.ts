import {
  agreesEn,
  countOfEn,
  formatDecimalEn,
  formatPercentEn,
  formatRublesEn,
  NOUNS_EN,
  pluralFormEn,
} from './english-text';

describe('English text helpers', () => {
  it.each([
    [0, 'projects'],
    [1, 'project'],
    [2, 'projects'],
    [11, 'projects'],
    [21, 'projects'],
    [101, 'projects'],
  ])('%i → %s', (n, form) => {
    expect(pluralFormEn(n, NOUNS_EN.project)).toBe(form);
  });

  it('agrees verbs with the count and formats money and rates the English way', () => {
    expect(agreesEn(1, 'was', 'were')).toBe('was');
    expect(agreesEn(21, 'was', 'were')).toBe('were');
    expect(countOfEn(1234, NOUNS_EN.application)).toBe('1,234 applications');
    expect(countOfEn(1, NOUNS_EN.organization)).toBe('1 organization');
    expect(formatRublesEn('1500000.00')).toBe('1,500,000.00\u00a0RUB');
    expect(formatRublesEn('1234567.5')).toBe('1,234,567.50\u00a0RUB');
    expect(formatRublesEn('-500.00')).toBe('−500.00\u00a0RUB');
    expect(formatPercentEn(0.4286)).toBe('42.9%');
    expect(formatPercentEn(0.5)).toBe('50%');
    expect(formatDecimalEn(65.255, 2)).toBe('65.26');
  });
});
