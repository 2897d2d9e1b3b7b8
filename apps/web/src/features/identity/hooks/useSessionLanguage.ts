import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, rememberLanguage } from '../../../i18n';
import { useMe } from './useMe';

/** A signed-in person sees their own `locale` (the language chosen on any device). */
export function useSessionLanguage() {
  const { i18n } = useTranslation();
  const locale = useMe().data?.locale;
  useEffect(() => {
    if (isLanguage(locale) && locale !== i18n.language) {
      rememberLanguage(locale);
      void i18n.changeLanguage(locale);
    }
  }, [locale, i18n]);
}
