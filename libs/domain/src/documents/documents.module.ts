import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ApplicationDocumentsService } from './application-documents.service';
import { StoredFilesService } from './stored-files.service';

/** Needs a FileStore provider (StorageModule from @grants/storage). */
@Module({
  imports: [ApplicationsModule],
  providers: [StoredFilesService, ApplicationDocumentsService],
  exports: [StoredFilesService, ApplicationDocumentsService],
})
export class DocumentsModule {}
