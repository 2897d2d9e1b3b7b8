import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type Organization = components['schemas']['OrganizationResponse'];

export function useOrganization(id: string) {
  return useQuery({
    queryKey: keys.organization(id),
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
  });
}

export function useMembers(id: string) {
  return useQuery({
    queryKey: keys.members(id),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/members', { params: { path: { id } } })),
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateOrganizationDto']) =>
      unwrap(api.PATCH('/api/v1/organizations/{id}', { params: { path: { id } }, body })),
    onSuccess: (organization) => queryClient.setQueryData(keys.organization(id), organization),
  });
}

export function useInvite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      unwrap(api.POST('/api/v1/organizations/{id}/invitations', { params: { path: { id } }, body: { email } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.members(id) }),
  });
}

export function useRemoveMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id, userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.members(id) }),
  });
}
