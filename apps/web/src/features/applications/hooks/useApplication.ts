import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type Application = components['schemas']['ApplicationResponse'];
export type Checklist = components['schemas']['ApplicationChecklistResponse'];
export type ChecklistItem = components['schemas']['ChecklistItemResponse'];
export type Consultation = components['schemas']['ConsultationResponse'];
export type ConsultationDetail = components['schemas']['ConsultationDetailResponse'];
export type Remark = { field: string; text: string };

export function useApplication(id: string) {
  return useQuery({
    queryKey: keys.application(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

/** The submit rules as the server computes them now: the one source of "what is still missing". */
export function useChecklist(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.checklist(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/checklist', { params: { path: { id } } })),
    enabled,
    staleTime: 0,
  });
}

export function useEvents(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.events(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/events', { params: { path: { id } } })),
    enabled,
  });
}

export function useApplicationReviews(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.reviewsOf(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/reviews', { params: { path: { id } } })),
    enabled,
  });
}

/** The organization's consultations about one application, oldest first. */
export function useApplicationConsultations(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: keys.consultationsOf(applicationId),
    queryFn: () => unwrap(api.GET('/api/v1/consultations', { params: { query: { applicationId, pageSize: 100 } } })),
    enabled,
  });
}

/** The remarks of the latest completed consultation: the consultant's current word on each field. */
export function latestRemarks(consultations: Consultation[] | undefined): Remark[] {
  const completed = (consultations ?? []).filter((c) => c.status === 'completed');
  const latest = completed.sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? '')).pop();
  return latest?.remarks ?? [];
}

export function useRemarks(applicationId: string, enabled = true) {
  const query = useApplicationConsultations(applicationId, enabled);
  return latestRemarks(query.data?.items);
}

/** The competition of an application, once the application (and so its competition's id) is known. */
export function useCompetitionOf(application: Application | undefined) {
  const id = application?.competitionId ?? '';
  return useQuery({
    queryKey: keys.competition(id),
    queryFn: () => unwrap(api.GET('/api/v1/competitions/{id}', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

/** One consultation with the consultant's name (GET /consultations/:id). */
export function useConsultation(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.consultation(id),
    queryFn: () => unwrap(api.GET('/api/v1/consultations/{id}', { params: { path: { id } } })),
    enabled,
  });
}
