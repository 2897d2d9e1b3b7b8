import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'grants.lang';

/**
 * Each language's strings are their own chunk, loaded when the language is first shown: `ru.json`,
 * `en.json` (namespace `translation`: layout, public and account pages). A staff area with many
 * strings may keep them in `ru.<area>.json` / `en.<area>.json`, read with `useTranslation('<area>')`,
 * so visitors never download them.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./*.json');
const fileOf = (language: string, namespace: string) =>
  namespace === 'translation' ? `./${language}.json` : `./${language}.${namespace}.json`;

const backend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = files[fileOf(language, namespace)];
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, m.default),
      (error: Error) => callback(error, null),
    );
  },
};

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The language a visitor chose before (only the language is stored), else Russian. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'ru';
  } catch {
    return 'ru';
  }
}

export function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export const i18nReady = i18next
  .use(backend)
  .use(initReactI18next)
  .init({
    lng: storedLanguage(),
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    load: 'languageOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });

export { i18next };
