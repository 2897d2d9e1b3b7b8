import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ApiError, type ApiErrorBody, NetworkError } from '../../../api/client';

/** One file to send, with the text fields its endpoint asks for (an application document's `type`). */
export interface FileToUpload {
  file: File;
  fields?: Record<string, string>;
}

/**
 * POSTs one file as multipart with upload progress. fetch() cannot report how much of a request body
 * was sent, so uploads use XMLHttpRequest (same origin, the session cookie); refusals become the same
 * ApiError / NetworkError as every other call.
 */
export function uploadWithProgress<T>(
  url: string,
  { file, fields = {} }: FileToUpload,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response as T);
      else reject(new ApiError(request.status, (request.response ?? undefined) as ApiErrorBody | undefined));
    };
    request.onerror = () => reject(new NetworkError('upload failed'));
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', file);
    request.send(body);
  });
}

/**
 * An upload to `url` as a mutation, with `progress` (0…1 while sending, null otherwise);
 * `onUploaded` invalidates whatever lists the new file.
 */
export function useFileUpload<T extends { fileName: string }>(url: string, onUploaded: () => unknown) {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (upload: FileToUpload) => {
      setProgress(0);
      return uploadWithProgress<T>(url, upload, setProgress);
    },
    onSettled: () => setProgress(null),
    onSuccess: () => onUploaded(),
  });
  return { ...mutation, progress };
}

/** What the upload form needs of an upload (any `useFileUpload`). */
export interface FileUploadState {
  mutate: (upload: FileToUpload, options?: { onSuccess?: () => void }) => void;
  reset: () => void;
  isPending: boolean;
  isSuccess: boolean;
  data?: { fileName: string };
  error: unknown;
  progress: number | null;
}

/** What the list needs of a deletion (any mutation taking the document's id). */
export interface FileRemoveState {
  mutate: (documentId: string) => void;
  isPending: boolean;
  variables?: string;
  error: unknown;
}
