import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../api/keys';
import type { Me } from './useMe';

/** After an answer that signed the person in (the api set the cookie): they are `me` from now on. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return async (user: Me) => {
    queryClient.setQueryData(keys.me, user);
    await queryClient.invalidateQueries({ queryKey: keys.notifications });
  };
}
