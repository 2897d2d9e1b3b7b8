import { jsonDepthExceeds } from './json-body';

describe('jsonDepthExceeds', () => {
  const nested = (n: number) => `{"email":${'['.repeat(n)}${']'.repeat(n)}}`;

  it('counts nesting of arrays and objects, the root included', () => {
    expect(jsonDepthExceeds('{"a":1}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonDepthExceeds(nested(31), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(32), 32)).toBe(true);
    expect(jsonDepthExceeds(nested(2000), 32)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: 'say \\"[[[[" ok' }), 1)).toBe(false);
    expect(jsonDepthExceeds('"\\\\"', 0)).toBe(false);
    expect(jsonDepthExceeds('["\\\\",[[1]]]', 2)).toBe(true);
  });
});
