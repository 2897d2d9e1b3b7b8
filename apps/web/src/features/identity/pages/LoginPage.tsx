import { type FormEvent, useState } from 'react';
import { Alert, Anchor, Button, Card, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { safeNext } from '../../../api/session';
import { describeError, errorsOf } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';
import { HOME_OF, type Me } from '../hooks/useMe';

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } })),
    onSuccess: async ({ user }) => {
      queryClient.setQueryData(keys.me, user as Me);
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate(safeNext(params.get('next'), HOME_OF[user.role]), { replace: true });
    },
  });
  const errors = login.error
    ? describeError(login.error, t, { '401': { field: 'email', message: t('login.wrong') } })
    : [];
  const expired = (location.state as { expired?: boolean } | null)?.expired;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <Stack maw={460} mx="auto" w="100%">
      <Page title={t('login.title')}>
        {expired && (
          <Alert color="yellow" variant="light">
            {t('login.expired')}
          </Alert>
        )}
        <ErrorSummary errors={errors} />
        <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              id={fieldId('email')}
              name="email"
              type="email"
              label={t('fields.email')}
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errorsOf(errors, 'email')}
            />
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }}
              id={fieldId('password')}
              name="password"
              label={t('fields.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errorsOf(errors, 'password')}
            />
            <Button type="submit" loading={login.isPending} size="md">
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
          </Stack>
        </Card>
        <Text size="sm">
          {t('login.noAccount')}{' '}
          <Anchor component={Link} to="/register">
            {t('login.register')}
          </Anchor>
        </Text>
      </Page>
    </Stack>
  );
}
