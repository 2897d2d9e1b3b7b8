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
});
