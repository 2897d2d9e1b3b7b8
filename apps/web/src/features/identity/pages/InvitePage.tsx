import { useState } from 'react';
import { NativeSelect, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { isLanguage, type Language, LANGUAGES } from '../../../i18n';
import { describeError, errorsOf } from '../../../ui/errors';
import { fieldId } from '../../../ui/fields';
import { NewPasswordField } from '../components/NewPasswordField';
import { TokenForm } from '../components/TokenForm';
import { tokenInvalid, useMailedToken } from '../components/TokenInvalid';
import { useSignIn } from '../hooks/useSignIn';

/** A colleague joins the organization from the mailed invitation and is signed in. */
export default function InvitePage() {
  const { t, i18n } = useTranslation();
  const token = useMailedToken();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'ru');
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/auth/accept-invitation', { body: { token, fullName: fullName.trim(), password, locale } }),
      ),
    onSuccess: async ({ user }) => {
      await signIn(user);
      navigate('/my', { replace: true });
    },
  });
  const invalid = tokenInvalid(token, accept.error);
  const errors =
    accept.error && !invalid
      ? describeError(accept.error, t, { EMAIL_TAKEN: { message: t('invite.emailTaken') } })
      : [];

  return (
    <TokenForm
      width={520}
      title={t('invite.title')}
      lead={t('invite.lead')}
      invalid={invalid && { text: t('invite.invalid'), again: t('nav.login'), to: '/login' }}
      errors={errors}
      onSubmit={() => accept.mutate()}
      submitLabel={t('invite.submit')}
      pending={accept.isPending}
    >
      <TextInput
        id={fieldId('fullName')}
        name="fullName"
        label={t('fields.fullName')}
        autoComplete="name"
        required
        value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)}
        error={errorsOf(errors, 'fullName')}
      />
      <NewPasswordField
        name="password"
        label={t('fields.password')}
        value={password}
        onChange={setPassword}
        error={errorsOf(errors, 'password')}
      />
      <NativeSelect
        id={fieldId('locale')}
        name="locale"
        label={t('fields.locale')}
        value={locale}
        onChange={(e) => setLocale(e.currentTarget.value as Language)}
        data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        error={errorsOf(errors, 'locale')}
      />
    </TokenForm>
  );
}
