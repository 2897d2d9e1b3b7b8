import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiParam, ApiTags } from '@nestjs/swagger';
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
import { ApiDocumentDownload, ApiDocumentUpload, receiveDocument, sendDocument } from '../documents/document-http';

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
  @ApiDocumentUpload(
    'Attach a file to a report the NGO may still edit (checked by content, as application documents)',
    ReportDocumentUploadBody,
    ReportDocumentResponse,
    {
      409: 'NOT_EDITABLE: the report is submitted or accepted, or the grant has ended',
      422: 'TOO_MANY_FILES: the report already has 30 files',
    },
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Req() request: FastifyRequest,
  ): Promise<ReportDocumentResponse> {
    await this.documents.checkCanAttach(actor, id, code);
    const upload = await receiveDocument(request, [], this.documents, id);
    return this.documents.attach(actor, id, code, upload.fileName, upload.stored);
  }

  @Get(':documentId')
  @Roles('admin', 'consultant', 'applicant')
  @ApiParam(REPORT_CODE)
  @ApiDocumentDownload('Download a file of a report of a grant in the caller’s scope', 'roles')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.grants.get(actor, id);
    await sendDocument(request, reply, await this.documents.download(id, code, documentId));
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
