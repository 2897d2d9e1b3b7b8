import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';

/** Mails the confirmation link again (the api sends at most one a minute). */
export function useResendVerification() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/verify-email/resend')) });
}
