import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

/** PATCH /me: name and language; the answer is the new `me`. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateProfileDto']) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (user) => queryClient.setQueryData(keys.me, user),
  });
}

/** POST /me/password: other sessions end, this one goes on with a new cookie (nothing cached changes). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: components['schemas']['ChangePasswordDto']) => unwrap(api.POST('/api/v1/me/password', { body })),
  });
}

/** Ends every session of the person, this one too, then loads the home page afresh. */
export function useLogoutEverywhere() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout-everywhere')),
    onSuccess: () => window.location.assign('/'),
  });
}
