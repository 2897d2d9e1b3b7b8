import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Actor,
  GrantReportDocumentsService,
  GrantsService,
  ReportDocumentResponse,
  ReportDocumentUploadBody,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { CurrentActor, Roles } from '../common/roles.decorator';
import { codeParam, uuidParam } from '../common/validation';
import { contentDisposition } from '../documents/content-disposition';
import { receiveUpload } from '../documents/multipart-upload';

const REPORT_CODE = {
  name: 'code',
  description: "The report's code in the competition's schedule",
  example: 'interim',
};

/** Files of grant reports: uploaded, listed (in the report) and served like application documents. */
@ApiTags('grants')
@Controller('grants/:id/reports/:code/documents')
export class GrantReportDocumentsController {
  constructor(
    private readonly documents: GrantReportDocumentsService,
    private readonly grants: GrantsService,
  ) {}

  @Post()
  @Roles('applicant')
  @ApiParam(REPORT_CODE)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ReportDocumentUploadBody })
  @ApiCreatedResponse({ type: ReportDocumentResponse })
  @ApiDoc('Attach a file to a report the NGO may still edit (checked by content, as application documents)', 'roles', {
    400: true,
    404: true,
    409: 'NOT_EDITABLE: the report is submitted or accepted, or the grant has ended',
    413: 'PAYLOAD_TOO_LARGE: the file is larger than UPLOAD_MAX_MB',
    415: 'UNSUPPORTED_FILE_TYPE: the content is none of the allowed formats, whatever its name or declared type',
    422: 'TOO_MANY_FILES: the report already has 30 files',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Req() request: FastifyRequest,
  ): Promise<ReportDocumentResponse> {
    await this.documents.checkCanAttach(actor, id, code);
    const upload = await receiveUpload(
      request,
      [],
      (file) => this.documents.storeFile(id, file),
      (stored) => this.documents.discard(stored),
    );
    return this.documents.attach(actor, id, code, upload.fileName, upload.stored);
  }

  @Get(':documentId')
  @Roles('admin', 'consultant', 'applicant')
  @ApiParam(REPORT_CODE)
  @ApiOkResponse({
    description:
      'The file as uploaded, with its stored Content-Type, `Content-Disposition: attachment` (RFC 6266 `filename*`), `X-Content-Type-Options: nosniff` and `ETag` = its SHA-256',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiDoc('Download a file of a report of a grant in the caller’s scope', 'roles', { 400: true, 404: true })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.grants.get(actor, id);
    const { document, body } = await this.documents.download(id, code, documentId);
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

  @Delete(':documentId')
  @HttpCode(204)
  @Roles('applicant')
  @ApiParam(REPORT_CODE)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiDoc('Delete a file of a report the NGO may still edit', 'roles', {
    400: true,
    404: true,
    409: 'NOT_EDITABLE: the report is submitted or accepted, or the grant has ended',
  })
  remove(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
  ): Promise<void> {
    return this.documents.remove(actor, id, code, documentId);
  }
}
