import { type FormEvent, useState } from 'react';
import { Button, Card, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, unwrap } from '../../../api/client';
import { describeError, errorsOf } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { Page } from '../../../ui/Page';
import { NewPasswordField } from '../components/NewPasswordField';
import { TokenInvalid } from '../components/TokenInvalid';
import { HOME_OF } from '../hooks/useMe';
import { useSignIn } from '../hooks/useSignIn';

/** A new password with the mailed token; the person is signed in afterwards. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [password, setPassword] = useState('');
  const confirm = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
    onSuccess: async ({ user }) => {
      await signIn(user);
      navigate(HOME_OF[user.role], { replace: true, state: { passwordReset: true } });
    },
  });
  const invalid = !token || (confirm.error instanceof ApiError && confirm.error.body?.code === 'TOKEN_INVALID');
  const errors = confirm.error && !invalid ? describeError(confirm.error, t) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };

  return (
    <Stack maw={460} mx="auto" w="100%">
      <Page title={t('reset.title')} lead={invalid ? undefined : t('reset.lead')}>
        {invalid ? (
          <TokenInvalid text={t('reset.invalid')} again={t('reset.again')} to="/forgot-password" />
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
              <Stack gap="md">
                <NewPasswordField
                  name="password"
                  label={t('fields.newPassword')}
                  value={password}
                  onChange={setPassword}
                  error={errorsOf(errors, 'password')}
                />
                <Button type="submit" loading={confirm.isPending} size="md">
                  {t('reset.submit')}
                </Button>
              </Stack>
            </Card>
          </>
        )}
      </Page>
    </Stack>
  );
}
