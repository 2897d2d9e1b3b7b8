import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'grants.lang';

/**
 * Each language's strings are chunks of their own, each loaded when a page that shows it first opens
 * (and again in a language chosen later), beside that page's chunk:
 * - `ru.json`, `en.json` (namespace `translation`): the layout, "not found", loading, and what any error
 *   summary may say (no connection, 503, field checks), so a failure can always be told;
 * - `<language>.competitions.json`: the home page, competitions, a competition, its results;
 * - `<language>.reports.json`: the annual reports and a project's public card;
 * - `<language>.account.json`: sign-in and registration, with the account's and organization's fields;
 * - `<language>.tokens.json`: the pages a mail's link opens (password reset and the form that asks for it,
 *   email confirmation, invitations), shown with the account's strings;
 * - `<language>.workspace.json`: what only signed-in pages show (drafts, consultations, reviews, grants'
 *   reports, the admin's workspace). A signed-in page loads every namespace (it also shows competitions,
 *   fields, statuses), so a visitor's browser never downloads this one.
 * `t()` finds a key of any loaded namespace without naming it (they are the fallbacks, in this order), so
 * a key can move between files without touching the page. A key missing from every loaded namespace is
 * reported on the console (the browser tests fail on console errors).
 */
export type Namespace = 'translation' | 'competitions' | 'reports' | 'account' | 'tokens' | 'workspace';
const AREAS: Namespace[] = ['competitions', 'reports', 'account', 'tokens', 'workspace'];
/** What a signed-in page reads: every namespace. */
export const WORKSPACE_NAMESPACES: Namespace[] = ['translation', ...AREAS];

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
    fallbackNS: AREAS,
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) =>
      console.error(`Missing string "${key}" (${languages.join(', ')})`),
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });

/**
 * The strings of these namespaces in the language shown (and, as i18next remembers them, in any chosen
 * later). Their files start downloading at once, beside i18next's own start, not after it.
 */
export function loadStrings(namespaces: Namespace[]): Promise<void> {
  const language = i18next.resolvedLanguage ?? storedLanguage();
  for (const namespace of namespaces) void files[fileOf(language, namespace)]?.().catch(() => undefined);
  return i18nReady.then(() => i18next.loadNamespaces(namespaces));
}

/** The signed-in pages' strings (all of them). */
export const loadWorkspaceStrings = () => loadStrings(WORKSPACE_NAMESPACES);

export { i18next };
