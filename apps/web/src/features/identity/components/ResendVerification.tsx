import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../ui/errors';
import { useResendVerification } from '../hooks/useResendVerification';

/** "Send the link again" for a signed-in person whose address is not confirmed yet. */
export function ResendVerification({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="default" onClick={() => resend.mutate()} loading={resend.isPending}>
        {t('verify.resend')}
      </Button>
      <div role="status">
        {resend.isSuccess && (
          <Alert color="green" variant="light" styles={{ message: { color: '#1e5e2d' } }}>
            {t('verify.resent', { email })}
          </Alert>
        )}
      </div>
      {resend.error && (
        <Alert color="red" variant="light" role="alert">
          {describeError(resend.error, t)[0]?.message}
        </Alert>
      )}
    </Stack>
  );
}
