import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';

/** The token of a mailed link (`?token=…`), '' when the address has none. */
export function useMailedToken() {
  const [params] = useSearchParams();
  return params.get('token') ?? '';
}

/** No token at all, or the api answered that it is unknown, used or expired. */
export const tokenInvalid = (token: string, error: Error | null) =>
  !token || (error instanceof ApiError && error.body?.code === 'TOKEN_INVALID');

/** A mailed link that is unknown, used or expired: said plainly, with where to get a new one. */
export function TokenInvalid({ text, again, to }: { text: string; again: string; to: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={t('token.invalidTitle')}
      styles={{ title: { color: '#8a1c1c' } }}
    >
      {text}{' '}
      <Anchor component={Link} to={to} c="red.9" fw={600}>
        {again}
      </Anchor>
    </Alert>
  );
}
