import { describe, expect, it } from 'vitest';
import { WORKSPACE_NAMESPACES } from './index';

type Strings = { [key: string]: string | Strings };

/** Every strings file, by language and namespace (`ru.json` is namespace `translation`). */
const files = import.meta.glob<Strings>('./*.json', { eager: true, import: 'default' });
const namespaceOf = (file: string) => file.split('.').slice(2, -1).join('.') || 'translation';
const ofLanguage = (language: string) =>
  Object.entries(files)
    .filter(([file]) => file.startsWith(`./${language}.`))
    .map(([file, strings]) => ({ namespace: namespaceOf(file), strings }));

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
  it('come in one file per namespace and language, for every namespace the portal loads', () => {
    for (const language of ['ru', 'en'])
      expect(unique(ofLanguage(language).map((f) => f.namespace))).toEqual(unique(WORKSPACE_NAMESPACES));
  });

  it('say the same things in Russian and English, in the same file', () => {
    for (const { namespace, strings } of ofLanguage('ru')) {
      const en = ofLanguage('en').find((f) => f.namespace === namespace)!;
      expect([namespace, unique(paths(en.strings))]).toEqual([namespace, unique(paths(strings))]);
    }
  });

  it('keep each key in one file only (t() finds a key of any loaded namespace, so two would be ambiguous)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const { namespace, strings } of ofLanguage('ru'))
      for (const key of unique(paths(strings))) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${namespace}`);
        seen.set(key, namespace);
      }
    expect(twice).toEqual([]);
  });

  it('have Russian plural forms wherever a Russian string has plurals', () => {
    const forms = ofLanguage('ru').flatMap(({ strings }) => flatten(strings).map(([key]) => key));
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
