import { type FormEvent, useState } from 'react';
import { Button, Card, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../../api/client';
import { isLanguage, type Language, LANGUAGES } from '../../../i18n';
import { describeError, errorsOf } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { NewPasswordField } from '../components/NewPasswordField';
import { TokenInvalid } from '../components/TokenInvalid';
import { useSignIn } from '../hooks/useSignIn';

/** A colleague joins the organization from the mailed invitation and is signed in. */
export default function InvitePage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
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
  const invalid = !token || (accept.error instanceof ApiError && accept.error.body?.code === 'TOKEN_INVALID');
  const errors =
    accept.error && !invalid
      ? describeError(accept.error, t, { EMAIL_TAKEN: { message: t('invite.emailTaken') } })
      : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };

  return (
    <Stack maw={520} mx="auto" w="100%">
      <Page title={t('invite.title')} lead={invalid ? undefined : t('invite.lead')}>
        {invalid ? (
          <TokenInvalid text={t('invite.invalid')} again={t('nav.login')} to="/login" />
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
              <Stack gap="md">
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
                <Button type="submit" loading={accept.isPending} size="md">
                  {t('invite.submit')}
                </Button>
              </Stack>
            </Card>
          </>
        )}
      </Page>
    </Stack>
  );
}
