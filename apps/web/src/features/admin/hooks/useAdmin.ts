import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type Competition = components['schemas']['CompetitionResponse'];
export type CreateCompetition = components['schemas']['CreateCompetitionDto'];
export type Summary = components['schemas']['CompetitionSummaryResponse'];
export type RankingItem = components['schemas']['RankingItem'];
export type ExpertLoad = components['schemas']['ExpertLoadItem'];

const path = (id: string) => ({ params: { path: { id } } });

export function useAdminCompetitions() {
  return useQuery({
    queryKey: [...keys.competitions, 'admin'],
    queryFn: () => unwrap(api.GET('/api/v1/competitions', { params: { query: { pageSize: 100 } } })),
  });
}

export function useAdminCompetition(id: string) {
  return useQuery({
    queryKey: keys.competition(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}', path(id))),
    enabled: !!id,
    retry: false,
  });
}

export function useSummary(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.summary(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/summary', path(id))),
    enabled,
  });
}

export function useRanking(id: string) {
  return useQuery({
    queryKey: keys.ranking(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/ranking', path(id))),
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: keys.proposal(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/award-proposal', path(id))),
  });
}

export function useExperts(id: string) {
  return useQuery({
    queryKey: keys.experts(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/experts', path(id))),
  });
}

/** A competition's lifecycle step; the answer is the competition as it is now. */
export function useLifecycle(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: { kind: 'publish' | 'close' | 'archive' } | { kind: 'cancel'; reason: string }) => {
      const p = path(id);
      if (action.kind === 'cancel')
        return unwrap(api.POST('/api/v1/competitions/{id}/cancel', { ...p, body: { reason: action.reason } }));
      if (action.kind === 'publish') return unwrap(api.POST('/api/v1/competitions/{id}/publish', p));
      if (action.kind === 'close') return unwrap(api.POST('/api/v1/competitions/{id}/close', p));
      return unwrap(api.POST('/api/v1/competitions/{id}/archive', p));
    },
    onSuccess: (competition) => {
      client.setQueryData(keys.competition(id), competition);
      void client.invalidateQueries({ queryKey: [...keys.competitions, 'admin'] });
      void client.invalidateQueries({ queryKey: keys.summary(id) });
    },
  });
}

export function useAssign(competitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { auto: true } | { applicationId: string; expertId: string }) =>
      unwrap(api.POST('/api/v1/competitions/{id}/assignments', { ...path(competitionId), body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.experts(competitionId) });
      void client.invalidateQueries({ queryKey: keys.ranking(competitionId) });
      void client.invalidateQueries({ queryKey: keys.summary(competitionId) });
    },
  });
}
