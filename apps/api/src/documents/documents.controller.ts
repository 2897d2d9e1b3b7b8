import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Actor,
  ApplicationDocumentsService,
  DocumentListResponse,
  DocumentResponse,
  DocumentUploadBody,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { CurrentActor, Roles } from '../common/roles.decorator';
import { uuidParam } from '../common/validation';
import { contentDisposition } from './content-disposition';
import { receiveUpload } from './multipart-upload';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: ApplicationDocumentsService) {}

  @Post('applications/:id/documents')
  @Roles('applicant')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: DocumentUploadBody })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiDoc(
    'Attach a file to a draft application (checked by content; PDF, DOC(X), XLS(X), ODT, ODS, RTF, JPEG, PNG)',
    'roles',
    {
      400: true,
      404: true,
      409: 'NOT_EDITABLE: the application is no longer a draft',
      413: 'PAYLOAD_TOO_LARGE: the file is larger than UPLOAD_MAX_MB',
      415: 'UNSUPPORTED_FILE_TYPE: the content is none of the allowed formats, whatever its name or declared type',
      422: 'TOO_MANY_FILES: the application already has 30 files',
    },
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentResponse> {
    await this.documents.checkCanAttach(actor, id);
    const upload = await receiveUpload(
      request,
      ['type'],
      (file) => this.documents.storeFile(id, file),
      (stored) => this.documents.discard(stored),
    );
    return this.documents.attach(actor, id, upload.fields.type, upload.fileName, upload.stored);
  }

  @Get('applications/:id/documents')
  @ApiOkResponse({ type: DocumentListResponse })
  @ApiDoc('The files attached to an application in the caller’s scope', 'user', { 400: true, 404: true })
  list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DocumentListResponse> {
    return this.documents.list(actor, id);
  }

  @Get('documents/:id')
  @ApiOkResponse({
    description:
      'The file as uploaded, with its stored Content-Type, `Content-Disposition: attachment` (RFC 6266 `filename*`), `X-Content-Type-Options: nosniff` and `ETag` = its SHA-256',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiDoc('Download a document of an application in the caller’s scope', 'user', { 400: true, 404: true })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { document, body } = await this.documents.download(actor, id);
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

  @Delete('documents/:id')
  @HttpCode(204)
  @Roles('applicant')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiDoc('Delete a document of a draft application', 'roles', {
    400: true,
    404: true,
    409: 'NOT_EDITABLE: the application was submitted; its documents are frozen',
  })
  remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    return this.documents.remove(actor, id);
  }
}
