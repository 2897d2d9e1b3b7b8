import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';
import { formDataOf, useFileUpload } from '../../documents/hooks/useFileUpload';

export type ApplicationDocument = components['schemas']['DocumentResponse'];

/** The application's attached files. */
export function useDocuments(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.documents(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/documents', { params: { path: { id } } })),
    enabled: enabled && Boolean(id),
  });
}

/** POST /applications/:id/documents (multipart: `type` and `file`) with upload progress. */
export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return useFileUpload<ApplicationDocument>(
    (upload, fetch) =>
      unwrap(
        api.POST('/api/v1/applications/{id}/documents', {
          params: { path: { id } },
          // Sent as FormData by the serializer (the schema types the file as a binary string).
          body: upload as never,
          bodySerializer: () => formDataOf(upload),
          fetch,
        }),
      ),
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.documents(id) }),
        queryClient.invalidateQueries({ queryKey: keys.checklist(id) }),
      ]),
  );
}

export function useDeleteDocument(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      unwrap(api.DELETE('/api/v1/documents/{id}', { params: { path: { id: documentId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.documents(applicationId) });
      void queryClient.invalidateQueries({ queryKey: keys.checklist(applicationId) });
    },
  });
}
