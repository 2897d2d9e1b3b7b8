import { type FormEvent, useState } from 'react';
import { Alert, Anchor, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { describeError, errorsOf } from '../../../ui/errors';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { fieldId } from '../../../ui/fields';
import { Page } from '../../../ui/Page';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } })),
  });
  const errors = request.error ? describeError(request.error, t) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };

  return (
    <Stack maw={460} mx="auto" w="100%">
      <Page title={t('forgot.title')} lead={t('forgot.lead')}>
        {request.isSuccess ? (
          <Alert color="green" role="status" title={t('forgot.sentTitle')} styles={{ title: { color: '#1e5e2d' } }}>
            {t('forgot.sent', { email: email.trim() })}
          </Alert>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <Card withBorder padding="lg" component="form" onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput
                  id={fieldId('email')}
                  name="email"
                  type="email"
                  label={t('fields.email')}
                  autoComplete="email"
                  inputMode="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errorsOf(errors, 'email')}
                />
                <Button type="submit" loading={request.isPending} size="md">
                  {t('forgot.submit')}
                </Button>
              </Stack>
            </Card>
          </>
        )}
        <Text size="sm">
          <Anchor component={Link} to="/login">
            {t('forgot.back')}
          </Anchor>
        </Text>
      </Page>
    </Stack>
  );
}
