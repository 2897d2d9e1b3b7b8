import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';

/** One file to send, with the text fields its endpoint asks for (an application document's `type`). */
export interface FileToUpload {
  file: File;
  fields?: Record<string, string>;
}

/** The multipart body of an upload: its text fields (an application document's `type`), then the file. */
export function formDataOf({ file, fields = {} }: FileToUpload): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file);
  return body;
}

const NULL_BODY_STATUSES = [101, 204, 205, 304];

/**
 * A `fetch` for the generated client's `fetch` option that reports how much of the request body was sent:
 * fetch() itself cannot, so this one sends the request over XMLHttpRequest (same origin, the session cookie)
 * and answers with an ordinary Response, which `unwrap()` turns into data, ApiError or NetworkError.
 */
export function fetchWithProgress(onProgress: (fraction: number) => void) {
  return async (request: Request): Promise<Response> => {
    const body = await request.blob();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.withCredentials = true;
      xhr.responseType = 'blob';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr
          .getAllResponseHeaders()
          .trim()
          .split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        const content = NULL_BODY_STATUSES.includes(xhr.status) ? null : (xhr.response as Blob);
        resolve(new Response(content, { status: xhr.status, statusText: xhr.statusText, headers }));
      };
      xhr.onerror = () => reject(new TypeError('upload failed'));
      xhr.send(body);
    });
  };
}

type UploadFetch = ReturnType<typeof fetchWithProgress>;

/**
 * An upload as a mutation, with `progress` (0…1 while sending, null otherwise). `send` makes the call with
 * the generated client, passing it the `fetch` it is given; `onUploaded` invalidates whatever lists the file.
 */
export function useFileUpload<T extends { fileName: string }>(
  send: (upload: FileToUpload, fetch: UploadFetch) => Promise<T>,
  onUploaded: () => unknown,
) {
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (upload: FileToUpload) => {
      setProgress(0);
      return send(upload, fetchWithProgress(setProgress));
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
