import canonicalize from 'canonicalize';
import { canonicalJson, sha256 } from './application-content';

describe('canonical JSON and content hash', () => {
  it('orders keys at every level so equal content hashes equally', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } };
    const b = { a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(sha256(canonicalJson(a))).toBe(sha256(canonicalJson(b)));
  });

  it('changes with any change of content, Cyrillic included', () => {
    expect(sha256(canonicalJson({ title: 'Проект' }))).not.toBe(sha256(canonicalJson({ title: 'Проект ' })));
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is RFC 8785: keys by UTF-16 code units, ECMAScript numbers, minimal escapes', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, b: [1e21, 0.1, -0, 1e-7] })).toBe(
      '{"\\r":2,"1":4,"b":[1e+21,0.1,0,1e-7],"\u20ac":1,"\ud83d\ude00":3}',
    );
    expect(canonicalJson({ s: '\u2028"\u0007' })).toBe('{"s":"\u2028\\"\\u0007"}');
  });

  it('agrees with an independent RFC 8785 implementation on submitted content', () => {
    const samples: unknown[] = [
      {
        registrationNumber: '2026-K7Q2M-0001',
        title: 'Серебряное волонтерство «Город»',
        budgetLines: [{ item: 'Оплата труда', amount: '120000.00' }],
        documents: [{ type: 'charter', fileName: 'Устав АНО 😀.pdf', size: 48213, sha256: 'ab'.repeat(32) }],
        summary: null,
        nested: { z: [1.5, -2, 1e-9, 123456789012345680000], a: true, é: 'x', e: 'y', E: 'z', 'e\u0301': 1 },
      },
      [],
      {},
      'строка',
      0.30000000000000004,
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(canonicalize(sample));
  });
});
