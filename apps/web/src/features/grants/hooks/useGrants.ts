import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';
import { formDataOf, useFileUpload } from '../../documents/hooks/useFileUpload';

export type Grant = components['schemas']['GrantResponse'];
export type GrantReportSummary = components['schemas']['GrantReportSummary'];
export type GrantReport = components['schemas']['GrantReportResponse'];
export type ReportDocument = components['schemas']['ReportDocumentResponse'];
export type SaveReport = components['schemas']['SaveReportDto'];
export type GrantStatus = Grant['status'];
export type ReportStatus = GrantReport['status'];

export function useGrant(id: string) {
  return useQuery({
    queryKey: keys.grant(id),
    queryFn: () => unwrap(api.GET('/api/v1/grants/{id}', { params: { path: { id } } })),
  });
}

export function useGrants(filter: { status?: string; competitionId?: string }) {
  return useQuery({
    queryKey: keys.grants(filter),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/grants', {
          params: { query: { pageSize: 100, ...filter } as { pageSize: number; status?: GrantStatus } },
        }),
      ),
  });
}

export function useReport(id: string, code: string) {
  return useQuery({
    queryKey: keys.report(id, code),
    queryFn: () => unwrap(api.GET('/api/v1/grants/{id}/reports/{code}', { params: { path: { id, code } } })),
  });
}

/** After any change of a grant or its reports: the grant, its lists and its public card show it. */
function useGrantChanged(id: string) {
  const queryClient = useQueryClient();
  return async (report?: GrantReport) => {
    if (report) queryClient.setQueryData(keys.report(id, report.code), report);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.grant(id) }),
      queryClient.invalidateQueries({ queryKey: keys.grantLists }),
      queryClient.invalidateQueries({ queryKey: keys.publicGrant(id) }),
    ]);
  };
}

/** The NGO's draft, saved as it types (autosave) and on demand. */
export function useSaveReport(id: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveReport) =>
      unwrap(api.PUT('/api/v1/grants/{id}/reports/{code}', { params: { path: { id, code } }, body })),
    // Only the report itself: a draft saved again changes nothing else a page shows.
    onSuccess: (report) => queryClient.setQueryData(keys.report(id, code), report),
  });
}

export function useSubmitReport(id: string, code: string) {
  const changed = useGrantChanged(id);
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/grants/{id}/reports/{code}/submit', { params: { path: { id, code } } })),
    onSuccess: (report) => changed(report),
  });
}

/** The Resource Center's decision on a submitted report. */
export function useReviewReport(id: string, code: string) {
  const changed = useGrantChanged(id);
  return useMutation({
    mutationFn: ({ decision, comment }: { decision: 'accept' | 'return'; comment: string }) =>
      decision === 'accept'
        ? unwrap(
            api.POST('/api/v1/grants/{id}/reports/{code}/accept', {
              params: { path: { id, code } },
              body: comment.trim() ? { comment } : {},
            }),
          )
        : unwrap(
            api.POST('/api/v1/grants/{id}/reports/{code}/return', {
              params: { path: { id, code } },
              body: { comment },
            }),
          ),
    onSuccess: (report) => changed(report),
  });
}

/** POST …/reports/:code/documents (multipart: `file`) with upload progress; the report lists its files. */
export function useUploadReportDocument(id: string, code: string) {
  const queryClient = useQueryClient();
  return useFileUpload<ReportDocument>(
    (upload, fetch) =>
      unwrap(
        api.POST('/api/v1/grants/{id}/reports/{code}/documents', {
          params: { path: { id, code } },
          // Sent as FormData by the serializer (the schema types the file as a binary string).
          body: upload as never,
          bodySerializer: () => formDataOf(upload),
          fetch,
        }),
      ),
    () => queryClient.invalidateQueries({ queryKey: keys.report(id, code) }),
  );
}

export function useDeleteReportDocument(id: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      unwrap(
        api.DELETE('/api/v1/grants/{id}/reports/{code}/documents/{documentId}', {
          params: { path: { id, code, documentId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.report(id, code) }),
  });
}

/** Where a file of a report is downloaded from. */
export const reportDocumentHref = (id: string, code: string, documentId: string) =>
  `/api/v1/grants/${id}/reports/${encodeURIComponent(code)}/documents/${documentId}`;

export function useRecordAgreement(id: string) {
  const changed = useGrantChanged(id);
  return useMutation({
    mutationFn: (body: { agreementNumber: string; agreementDate: string }) =>
      unwrap(api.POST('/api/v1/grants/{id}/agreement', { params: { path: { id } }, body })),
    onSuccess: () => changed(),
  });
}

export function useTerminateGrant(id: string) {
  const changed = useGrantChanged(id);
  return useMutation({
    mutationFn: (body: { reason: string }) =>
      unwrap(api.POST('/api/v1/grants/{id}/terminate', { params: { path: { id } }, body })),
    onSuccess: () => changed(),
  });
}

/** A report title in the language shown. */
export const reportTitle = (r: { title: string; titleEn?: string }, language: string) =>
  language === 'en' && r.titleEn ? r.titleEn : r.title;
