import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type ReviewItem = components['schemas']['ReviewListItem'];
export type Review = components['schemas']['ReviewResponse'];
export type Conflict = components['schemas']['ConflictResponse'];

/** The expert's own assignments (an admin's: all), in the api's order: due date, registration number. */
export function useReviewList() {
  return useQuery({
    queryKey: keys.reviews,
    queryFn: () => unwrap(api.GET('/api/v1/reviews', { params: { query: { pageSize: 100 } } })),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: keys.review(id),
    queryFn: () => unwrap(api.GET('/api/v1/reviews/{id}', { params: { path: { id } } })),
  });
}

/** The draft: scores replace the previous ones, the comment is sent with them. */
export function useSaveReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { scores: Record<string, number>; comment?: string }) =>
      unwrap(api.PUT('/api/v1/reviews/{id}', { params: { path: { id } }, body })),
    onSuccess: (review) => {
      client.setQueryData(keys.review(id), review);
      void client.invalidateQueries({ queryKey: keys.reviews, exact: true });
    },
  });
}

export function useSubmitReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/reviews/{id}/submit', { params: { path: { id } } })),
    onSuccess: (review) => {
      client.setQueryData(keys.review(id), review);
      void client.invalidateQueries({ queryKey: keys.reviews, exact: true });
    },
  });
}

export function useDeclineReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/v1/reviews/{id}/decline', { params: { path: { id } }, body: { reason } })),
    onSuccess: (review) => {
      client.setQueryData(keys.review(id), review);
      void client.invalidateQueries({ queryKey: keys.reviews, exact: true });
    },
  });
}

export function useConflicts() {
  return useQuery({
    queryKey: keys.conflicts,
    queryFn: () => unwrap(api.GET('/api/v1/reviews/conflicts', { params: { query: { pageSize: 100 } } })),
  });
}

/** A declared conflict declines the expert's unfinished reviews of that organization: those change too. */
export function useDeclareConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { organizationId?: string; inn?: string; reason: string }) =>
      unwrap(api.POST('/api/v1/reviews/conflicts', { body })),
    onSuccess: (conflict) => {
      void client.invalidateQueries({ queryKey: keys.conflicts });
      void client.invalidateQueries({ queryKey: keys.reviews, exact: true });
      for (const id of conflict.declinedReviewIds) void client.invalidateQueries({ queryKey: keys.review(id) });
    },
  });
}
