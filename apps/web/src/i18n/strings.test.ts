import { describe, expect, it } from 'vitest';
import en from './en.json';
import enWorkspace from './en.workspace.json';
import ru from './ru.json';
import ruWorkspace from './ru.workspace.json';

type Strings = { [key: string]: string | Strings };

/** Every key path, plural forms (`_one`, `_few`, …) counted as one. */
function paths(strings: Strings, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : paths(value, `${prefix}${key}.`),
  );
}
const unique = (xs: string[]) => [...new Set(xs)].sort();

describe('the portal strings', () => {
  it('say the same things in Russian and English, in the same file', () => {
    expect(unique(paths(en))).toEqual(unique(paths(ru)));
    expect(unique(paths(enWorkspace))).toEqual(unique(paths(ruWorkspace)));
  });

  it('keep each key in one file only: the public one or the signed-in pages’ one', () => {
    const pub = new Set(paths(ru));
    expect(paths(ruWorkspace).filter((key) => pub.has(key))).toEqual([]);
  });

  it('have Russian plural forms wherever a Russian string has plurals', () => {
    const forms = [...flatten(ru), ...flatten(ruWorkspace)].map(([key]) => key);
    const plurals = unique(forms.filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length)));
    expect(plurals.length).toBeGreaterThan(0);
    for (const key of plurals) for (const form of ['one', 'few', 'many']) expect(forms).toContain(`${key}_${form}`);
  });
});

function flatten(strings: Strings, prefix = ''): Array<[string, string]> {
  return Object.entries(strings).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`),
  );
}
