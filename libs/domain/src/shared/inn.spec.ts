import { innFrom, isValidInn, isValidOgrn, ogrnFrom } from './inn';

describe('INN and OGRN checksums', () => {
  it('accepts real legal-entity numbers', () => {
    expect(isValidInn('7707083893')).toBe(true); // Sberbank
    expect(isValidOgrn('1027700132195')).toBe(true);
  });
  it('rejects a wrong check digit or length', () => {
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('770708389')).toBe(false);
    expect(isValidOgrn('1027700132194')).toBe(false);
  });
  it('builds valid numbers for fixtures', () => {
    expect(isValidInn(innFrom('245400123'))).toBe(true);
    expect(isValidOgrn(ogrnFrom('102240012345'))).toBe(true);
  });
});
