import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type Competition = components['schemas']['CompetitionResponse'];
export type Phase = 'open' | 'upcoming' | 'review' | 'results' | 'closed';

/** Where a published competition stands for a visitor (the server's status, and whether submission opened). */
export function phaseOf(c: Competition, now = Date.now()): Phase {
  if (c.status === 'open') return new Date(c.submissionOpensAt).getTime() > now ? 'upcoming' : 'open';
  if (c.status === 'review') return 'review';
  if (c.status === 'results_announced' || c.status === 'archived') return 'results';
  return 'closed';
}

export const competitionsQuery = () =>
  queryOptions({
    queryKey: keys.competitions,
    queryFn: () => unwrap(api.GET('/api/v1/competitions', { params: { query: { pageSize: 100 } } })),
  });

export const competitionQuery = (id: string) =>
  queryOptions({
    queryKey: keys.competition(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });

export function useCompetitions() {
  return useQuery(competitionsQuery());
}

export function useCompetition(id: string) {
  return useQuery(competitionQuery(id));
}

export const resultsQuery = (id: string) =>
  queryOptions({
    queryKey: keys.results(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}/results', { params: { path: { id } } })),
  });

export function useResults(id: string, enabled = true) {
  return useQuery({ ...resultsQuery(id), enabled });
}

/** A title in the language shown: English titles exist only where one was given. */
export const localTitle = (item: { title: string; titleEn?: string }, language: string) =>
  language === 'en' && item.titleEn ? item.titleEn : item.title;
