import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { checkFileName, DomainError, invalid, StoredFile } from '@grants/domain';

export interface ReceivedUpload {
  /** The text fields, by name (only the allowed ones). */
  fields: Record<string, string>;
  /** The client's file name, kept as given (checked: 1–255 characters, no control characters). */
  fileName: string;
  stored: StoredFile;
}

/** Limits of the multipart parser; the file size limit is the store's (UPLOAD_MAX_MB). */
export const multipartLimits = (maxFileBytes: number) => ({
  fileSize: maxFileBytes,
  files: 1,
  fields: 5,
  fieldSize: 1024,
  parts: 6,
  headerPairs: 20,
});

/**
 * Reads a `multipart/form-data` upload of one `file` and a few text fields, in any order: the file is
 * handed to `store` as a stream while it arrives (never buffered here). Everything wrong with the body
 * is a 400 naming the field; a stored file of a refused body is discarded before the error is thrown.
 * Reusable by any endpoint that takes one document (application documents, grant report documents).
 */
export async function receiveUpload(
  request: FastifyRequest,
  allowedFields: readonly string[],
  store: (file: Readable) => Promise<StoredFile>,
  discard: (stored: StoredFile) => Promise<void>,
): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw invalid(`body must be multipart/form-data with the fields ${[...allowedFields, 'file'].join(', ')}`);
  }
  const fields: Record<string, string> = {};
  const problems: string[] = [];
  let received: { fileName: string; stored: StoredFile } | undefined;
  try {
    const parts = request.parts();
    for (;;) {
      let next: Awaited<ReturnType<typeof parts.next>>;
      try {
        next = await parts.next();
      } catch (error) {
        throw malformed(error);
      }
      if (next.done) break;
      const part = next.value;
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          problems.push(`${part.fieldname} is not a file field; send the file as "file"`);
          continue;
        }
        const fileName = checkFileName(part.filename);
        // A broken body surfaces as an error of the file stream while it is stored: the client's fault.
        let bodyError: unknown;
        part.file.once('error', (error) => (bodyError = error));
        try {
          received = { fileName, stored: await store(part.file) };
        } catch (error) {
          bodyError ??= part.file.errored;
          throw bodyError && !(error instanceof DomainError) ? malformed(bodyError) : error;
        }
      } else if (allowedFields.includes(part.fieldname)) {
        fields[part.fieldname] = String(part.value);
      } else {
        problems.push(`${part.fieldname} should not exist`);
      }
    }
  } catch (error) {
    if (received) await discard(received.stored);
    throw error;
  }
  if (!received) problems.push('file is required');
  if (problems.length) {
    if (received) await discard(received.stored);
    throw invalid(problems);
  }
  return { fields, ...received! };
}

/** The parser's own errors: limits and broken bodies are the client's (400), never a 500. */
function malformed(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const e = error as { code?: string; message?: string };
  switch (e?.code) {
    case 'FST_FILES_LIMIT':
      return invalid('file: send exactly one file');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return invalid('body has too many fields');
    case 'FST_REQ_FILE_TOO_LARGE':
      return error;
    default:
      return invalid(`body is not valid multipart/form-data (${e?.message ?? 'unreadable'})`);
  }
}
