import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { GrantReportDocumentsService } from './grant-report-documents.service';

/** Report documents, in the documents context's store; the api only (the worker needs no file store). */
@Module({
  imports: [DocumentsModule],
  providers: [GrantReportDocumentsService],
  exports: [GrantReportDocumentsService],
})
export class GrantDocumentsModule {}
