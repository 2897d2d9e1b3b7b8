import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type ApiErrorBody, NetworkError } from '../../../api/client';
import { keys } from '../../../api/keys';
import { requestUuid } from '../../../api/request-id';
import type { Application } from './useApplication';

/** How often a submit refused with 503 (the deadline rush) is sent again before the person is told. */
export const SUBMIT_ATTEMPTS = 4;
const MAX_WAIT_S = 10;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST /applications/:id/submit. A 503 with Retry-After (the api sheds load at the deadline rush) is sent
 * again after the time it asks, a few times, under the same `X-Request-Id`: the api then judges the retry
 * by the first attempt's arrival, so a click before the deadline stays in time. `retry` tells the page
 * which attempt is waiting, so it can say so.
 */
export function useSubmit(id: string) {
  const queryClient = useQueryClient();
  const [retry, setRetry] = useState<{ attempt: number; seconds: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async (): Promise<Application> => {
      // One id for this click, every attempt of it.
      const requestId = requestUuid();
      for (let attempt = 1; ; attempt++) {
        let result;
        try {
          result = await api.POST('/api/v1/applications/{id}/submit', {
            params: { path: { id }, header: { 'x-request-id': requestId } },
          });
        } catch (error) {
          throw new NetworkError(String(error));
        }
        if (result.response.ok) return result.data as Application;
        const status = result.response.status;
        if (status === 503 && attempt < SUBMIT_ATTEMPTS) {
          const asked = Number(result.response.headers.get('Retry-After'));
          const seconds = Math.min(MAX_WAIT_S, Number.isFinite(asked) && asked > 0 ? asked : attempt);
          setRetry({ attempt: attempt + 1, seconds });
          await wait(seconds * 1000);
          continue;
        }
        const error = new ApiError(status, (result.error ?? undefined) as ApiErrorBody | undefined);
        // No longer a draft (submitted elsewhere, or closed at the deadline): say which, from its fresh status.
        if (status === 409) await queryClient.refetchQueries({ queryKey: keys.application(id), exact: true });
        throw error;
      }
    },
    onSettled: () => setRetry(null),
    onSuccess: (application) => {
      queryClient.setQueryData(keys.application(id), application);
      void queryClient.invalidateQueries({ queryKey: keys.checklist(id) });
      void queryClient.invalidateQueries({ queryKey: keys.events(id) });
      void queryClient.invalidateQueries({ queryKey: keys.applications() });
    },
    // A rule failed after all (the deadline passed, the draft was closed): show the fresh checklist.
    onError: () => void queryClient.invalidateQueries({ queryKey: keys.checklist(id) }),
  });
  return { ...mutation, retry };
}
