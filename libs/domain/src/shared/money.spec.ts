import { addMoney, compareMoney, isMoney, money, percentOf, subMoney } from './money';

describe('money', () => {
  it('normalises to two decimals', () => {
    expect(money('150000')).toBe('150000.00');
    expect(money(0.1)).toBe('0.10');
    expect(money('12.5')).toBe('12.50');
  });
  it('adds without floating point error', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney(...Array(10).fill('0.10'))).toBe('1.00');
    expect(subMoney('100.00', '0.01')).toBe('99.99');
  });
  it('rejects garbage, negatives and extra precision', () => {
    for (const bad of ['-1', '1.001', 'abc', '', '1e5', 'NaN', NaN, -5, Infinity]) expect(isMoney(bad)).toBe(false);
    expect(isMoney('1.5')).toBe(true);
    expect(isMoney(1000)).toBe(true);
  });
  it('computes percentages and compares', () => {
    expect(percentOf('1000000.00', '10')).toBe('100000.00');
    expect(percentOf('333.33', '33.33')).toBe('111.10');
    expect(compareMoney('10.00', '9.99')).toBe(1);
  });
});
