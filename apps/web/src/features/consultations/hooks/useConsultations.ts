import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type ConsultationItem = components['schemas']['ConsultationListItem'];
export type ConsultationStatus = ConsultationItem['status'];
export type Verdict = NonNullable<ConsultationItem['verdict']>;
export type CompleteBody = components['schemas']['CompleteConsultationDto'];

/** The queue: one status at a time (oldest request first, as the api orders it), optionally one competition. */
export function useConsultationQueue(filter: { status?: ConsultationStatus; competitionId?: string }) {
  return useQuery({
    queryKey: keys.consultations(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/consultations', {
          params: { query: { status: filter.status, competitionId: filter.competitionId, pageSize: 100 } },
        }),
      ),
  });
}

/** Every round of consultation on one application (the history beside the current one). */
export function useApplicationConsultations(applicationId: string | undefined) {
  return useQuery({
    queryKey: keys.consultationsOf(applicationId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { applicationId, pageSize: 100 } } })),
    enabled: !!applicationId,
  });
}

/** Taking or answering changes the consultation and every queue it appears in. */
function useInvalidateConsultations() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['consultations'] });
}

export function useTakeConsultation() {
  const invalidate = useInvalidateConsultations();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/consultations/{id}/take', { params: { path: { id } } })),
    onSettled: invalidate,
  });
}

export function useCompleteConsultation(id: string) {
  const invalidate = useInvalidateConsultations();
  return useMutation({
    mutationFn: (body: CompleteBody) =>
      unwrap(api.POST('/api/v1/consultations/{id}/complete', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}
