import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';

/**
 * Ends the session (the api clears the cookie), then loads the home page afresh: nothing cached
 * for that person survives, and no signed-in page gets the chance to ask them to sign in again.
 */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout').catch(() => undefined);
    },
    onSettled: () => window.location.assign('/'),
  });
}
