import { useEffect, useRef } from 'react';
import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import { describeError } from '../../../ui/errors';
import { Page } from '../../../ui/Page';
import { ResendVerification } from '../components/ResendVerification';
import { TokenInvalid, tokenInvalid, useMailedToken } from '../components/TokenInvalid';
import { HOME_OF, type Me, useMe } from '../hooks/useMe';

/** Confirms the address with the mailed token as soon as the page opens. */
export default function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useMailedToken();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } })),
    onSuccess: (user) => {
      const current = queryClient.getQueryData<Me | null>(keys.me);
      if (current?.id === user.id) queryClient.setQueryData(keys.me, { ...current, emailVerified: true });
    },
  });
  const sent = useRef(false);
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate();
    }
  }, [token, verify]);

  const invalid = tokenInvalid(token, verify.error);
  const canResend = invalid && me && !me.emailVerified;
  return (
    <Stack maw={560} mx="auto" w="100%">
      <Page title={t('verify.title')}>
        {verify.isPending && (
          <Text role="status">
            <Loader size="xs" mr="xs" aria-hidden />
            {t('verify.checking')}
          </Text>
        )}
        {verify.isSuccess && (
          <Alert
            color="green"
            role="status"
            title={t('verify.doneTitle')}
            styles={{ title: { color: '#1e5e2d' }, message: { color: '#1e5e2d' } }}
          >
            {t('verify.done', { email: verify.data.email })}{' '}
            <Anchor component={Link} to={me ? HOME_OF[me.role] : '/login'} fw={600} c="#1e5e2d" underline="always">
              {me ? t('verify.continue') : t('nav.login')}
            </Anchor>
          </Alert>
        )}
        {invalid &&
          (me?.emailVerified ? (
            <Alert color="green" role="status" styles={{ message: { color: '#1e5e2d' } }}>
              {t('verify.already')}
            </Alert>
          ) : (
            <TokenInvalid
              text={t('verify.invalid')}
              again={me ? t('verify.toAccount') : t('nav.login')}
              to={me ? '/account' : '/login?next=%2Faccount'}
            />
          ))}
        {verify.error && !invalid && (
          <Alert color="red" variant="light" role="alert">
            {describeError(verify.error, t)[0]?.message}
          </Alert>
        )}
        {canResend && <ResendVerification email={me.email} />}
      </Page>
    </Stack>
  );
}
