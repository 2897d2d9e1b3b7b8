import { canonicalEmail } from './email';

describe('canonicalEmail', () => {
  it('trims, lower-cases and normalises', () => {
    expect(canonicalEmail('  Victim@Example.ORG ')).toBe('victim@example.org');
    expect(canonicalEmail('e\u0301@x.org')).toBe('\u00e9@x.org');
  });

  it('keeps a capital dotted İ apart from a plain i, as the stored form and the throttle both see it', () => {
    expect(canonicalEmail('vİctim@example.org')).not.toBe('victim@example.org');
    expect(canonicalEmail('vİctim@example.org')).toBe(canonicalEmail('VİCTIM@example.org'));
  });
});
