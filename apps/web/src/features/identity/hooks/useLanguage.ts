import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { type Language, rememberLanguage } from '../../../i18n';
import { useMe } from './useMe';

/** Switches the language shown; a signed-in person's choice is saved as their `locale` (PATCH /me). */
export function useLanguage() {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Language) => unwrap(api.PATCH('/api/v1/me', { body: { locale } })),
    onSuccess: (user) => queryClient.setQueryData(keys.me, user),
  });
  return {
    language: i18n.language as Language,
    change(language: Language) {
      rememberLanguage(language);
      void i18n.changeLanguage(language);
      if (me && me.locale !== language) save.mutate(language);
    },
  };
}
