import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type ApiErrorBody, NetworkError, unwrap } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { components } from '../../../api/schema';

export type ApplicationDocument = components['schemas']['DocumentResponse'];

/** The application's attached files. */
export function useDocuments(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.documents(id),
    queryFn: () => unwrap(api.GET('/api/v1/applications/{id}/documents', { params: { path: { id } } })),
    enabled: enabled && Boolean(id),
  });
}

/**
 * POST /applications/:id/documents as multipart with upload progress. fetch() cannot report how much
 * of a request body was sent, so this one call uses XMLHttpRequest (same origin, the session cookie).
 */
function uploadWithProgress(
  id: string,
  type: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ApplicationDocument> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/applications/${id}/documents`);
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response as ApplicationDocument);
      else reject(new ApiError(request.status, (request.response ?? undefined) as ApiErrorBody | undefined));
    };
    request.onerror = () => reject(new NetworkError('upload failed'));
    const body = new FormData();
    body.append('type', type);
    body.append('file', file);
    request.send(body);
  });
}

export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: ({ type, file }: { type: string; file: File }) => {
      setProgress(0);
      return uploadWithProgress(id, type, file, setProgress);
    },
    onSettled: () => setProgress(null),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.documents(id) });
      void queryClient.invalidateQueries({ queryKey: keys.checklist(id) });
    },
  });
  return { ...mutation, progress };
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
