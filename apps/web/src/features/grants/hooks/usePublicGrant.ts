import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type PublicGrant = components['schemas']['PublicGrantResponse'];

/** The public project card (a page for visitors: its own module, so it loads none of the grant editor's code). */
export function usePublicGrant(id: string) {
  return useQuery({
    queryKey: keys.publicGrant(id),
    queryFn: () => unwrap(api.GET('/api/v1/public/grants/{id}', { params: { path: { id } } })),
  });
}
