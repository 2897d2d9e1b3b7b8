import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'grants.lang';
const WORKSPACE = 'workspace';
/** What a signed-in page reads: its own strings, and the layout's and public pages' ones. */
export const WORKSPACE_NAMESPACES = ['translation', WORKSPACE];

/**
 * Each language's strings are their own chunks, loaded when the language is first shown:
 * - `ru.json`, `en.json` (namespace `translation`): the layout and every page a visitor can open
 *   (public pages, sign-in, registration, password reset, invitations);
 * - `ru.workspace.json`, `en.workspace.json` (namespace `workspace`): the strings only signed-in pages
 *   show (drafts, consultations, reviews, grants' reports, the admin's workspace). They are loaded with a
 *   signed-in page's chunk (`loadWorkspaceStrings`), and `t()` finds their keys without naming the
 *   namespace (it is the fallback), so a visitor's browser never downloads them.
 * A key missing from both is reported on the console (the browser tests fail on console errors).
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
    ns: ['translation'],
    defaultNS: 'translation',
    fallbackNS: WORKSPACE,
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) =>
      console.error(`Missing string "${key}" (${languages.join(', ')})`),
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });

/** The signed-in pages' strings, in the language shown and (i18next remembers) in any chosen later. */
export function loadWorkspaceStrings(): Promise<void> {
  return i18nReady.then(() => i18next.loadNamespaces(WORKSPACE));
}

export { i18next };
