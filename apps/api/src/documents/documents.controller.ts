import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { ApiDocumentDownload, ApiDocumentUpload, receiveDocument, sendDocument } from './document-http';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: ApplicationDocumentsService) {}

  @Post('applications/:id/documents')
  @Roles('applicant')
  @ApiDocumentUpload(
    'Attach a file to a draft application (checked by content; PDF, DOC(X), XLS(X), ODT, ODS, RTF, JPEG, PNG)',
    DocumentUploadBody,
    DocumentResponse,
    {
      409: 'NOT_EDITABLE: the application is no longer a draft',
      422: 'TOO_MANY_FILES: the application already has 30 files',
    },
  )
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DocumentResponse> {
    await this.documents.checkCanAttach(actor, id);
    const upload = await receiveDocument(request, ['type'], this.documents, id);
    return this.documents.attach(actor, id, upload.fields.type, upload.fileName, upload.stored);
  }

  @Get('applications/:id/documents')
  @ApiOkResponse({ type: DocumentListResponse })
  @ApiDoc('The files attached to an application in the caller’s scope', 'user', { 400: true, 404: true })
  list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DocumentListResponse> {
    return this.documents.list(actor, id);
  }

  @Get('documents/:id')
  @ApiDocumentDownload('Download a document of an application in the caller’s scope', 'user')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDocument(request, reply, await this.documents.download(actor, id));
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
