import { Readable } from 'node:stream';
import { applyDecorators, Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentDownload, StoredFile } from '@grants/domain';
import { Access, ApiDoc, ErrorDocs } from '../common/api-docs';
import { contentDisposition } from './content-disposition';
import { ReceivedUpload, receiveUpload } from './multipart-upload';

/**
 * The HTTP side of every endpoint that takes or serves one document (application documents, grant
 * report documents): the same multipart reading, the same refusals, the same download headers.
 */

/** Where the documents of one owner (an application, a grant) are stored. */
export interface DocumentStore {
  storeFile(ownerId: string, body: Readable): Promise<StoredFile>;
  discard(stored: StoredFile): Promise<void>;
}

/** Reads the multipart body into the owner's store; a refused body leaves no stored file behind. */
export function receiveDocument(
  request: FastifyRequest,
  allowedFields: readonly string[],
  store: DocumentStore,
  ownerId: string,
): Promise<ReceivedUpload> {
  return receiveUpload(
    request,
    allowedFields,
    (file) => store.storeFile(ownerId, file),
    (stored) => store.discard(stored),
  );
}

/**
 * Sends a stored document: its Content-Type, `Content-Disposition: attachment` with an RFC 6266
 * `filename*`, `nosniff`, `ETag` = its SHA-256 (a matching `If-None-Match` gets a 304 without the body).
 */
export async function sendDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  { document, body }: DocumentDownload,
): Promise<void> {
  const etag = `"${document.sha256}"`;
  reply
    .header('content-disposition', contentDisposition(document.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('etag', etag)
    .header('cache-control', 'private, no-cache');
  if (request.headers['if-none-match'] === etag) {
    body.destroy();
    await reply.status(304).send();
    return;
  }
  await reply.header('content-type', document.contentType).header('content-length', document.size).send(body);
}

/**
 * OpenAPI of an upload of one document: multipart body, the created document, and the refusals every
 * upload shares (400, 404, 413, 415) with the owner's own 409 and 422.
 */
export function ApiDocumentUpload(
  summary: string,
  body: Type<unknown>,
  created: Type<unknown>,
  errors: { 409: string; 422: string },
) {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: body }),
    ApiCreatedResponse({ type: created }),
    ApiDoc(summary, 'roles', {
      400: true,
      404: true,
      409: errors[409],
      413: 'PAYLOAD_TOO_LARGE: the file is larger than UPLOAD_MAX_MB',
      415: 'UNSUPPORTED_FILE_TYPE: the content is none of the allowed formats, whatever its name or declared type',
      422: errors[422],
    } satisfies ErrorDocs),
  );
}

/** OpenAPI of a document download: the file itself with the headers `sendDocument` writes. */
export function ApiDocumentDownload(summary: string, access: Access) {
  return applyDecorators(
    ApiOkResponse({
      description:
        'The file as uploaded, with its stored Content-Type, `Content-Disposition: attachment` (RFC 6266 `filename*`), `X-Content-Type-Options: nosniff` and `ETag` = its SHA-256',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    }),
    ApiDoc(summary, access, { 400: true, 404: true }),
  );
}
