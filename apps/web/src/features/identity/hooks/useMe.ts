import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type Me = components['schemas']['UserResponse'];
export type Role = Me['role'];

/** Who is signed in (from the session cookie), or null for a visitor: the 401 is an answer, not a failure. */
export async function fetchMe(): Promise<Me | null> {
  const result = await api.GET('/api/v1/me');
  if (result.response.status === 401) return null;
  return unwrap(Promise.resolve(result)) as Promise<Me>;
}

export const meQuery = () => queryOptions({ queryKey: keys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });

export function useMe() {
  return useQuery(meQuery());
}

/** Where each role starts after signing in. */
export const HOME_OF: Record<Role, string> = {
  applicant: '/my',
  consultant: '/consultations',
  expert: '/reviews',
  admin: '/admin',
};
