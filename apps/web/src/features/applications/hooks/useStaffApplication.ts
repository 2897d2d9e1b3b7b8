import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type Application = components['schemas']['ApplicationResponse'];

/** An application as the caller may read it (the api scopes it: someone else's is a 404). */
export function useStaffApplication(id: string | undefined) {
  return useQuery({
    queryKey: keys.application(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
