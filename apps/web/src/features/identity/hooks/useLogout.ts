import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';

/** Ends the session (the api clears the cookie) and forgets everything cached for that person. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout').catch(() => undefined);
    },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, null);
      navigate('/');
    },
  });
}
