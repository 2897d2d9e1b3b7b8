import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import { notEditable } from '../applications/applications.errors';
import { Competition } from '../competitions/competition.entity';
import { DomainError, invalid, notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { ApplicationDocument } from './application-document.entity';
import { MAX_FILES_PER_APPLICATION, tooManyFiles } from './documents.errors';
import { DocumentListResponse, DocumentResponse } from './dto/document.response';
import { StoredFile, StoredFilesService } from './stored-files.service';

/** A file name as the client gave it: any script and spaces, but no control characters and at most 255 characters. */
export function checkFileName(name: string | undefined): string {
  const given = (name ?? '').normalize('NFC');
  // eslint-disable-next-line no-control-regex
  if (!given.trim() || given.length > 255 || /[\u0000-\u001f\u007f]/.test(given)) {
    throw invalid('file must have a name of 1–255 characters without control characters');
  }
  return given;
}

export interface DocumentDownload {
  document: DocumentResponse;
  body: Readable;
}

/**
 * Files attached to applications: the owner attaches and deletes them while the application is a draft;
 * whoever may read the application reads them. The submit freezes them (ApplicationsService.submit).
 */
@Injectable()
export class ApplicationDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: StoredFilesService,
    private readonly applications: ApplicationsService,
  ) {}

  /** Checked before the body is read, so a refused upload costs no transfer: own draft, room for one more file. */
  async checkCanAttach(actor: Actor, applicationId: string): Promise<void> {
    const { application } = await this.own(this.dataSource.manager, actor, applicationId);
    if (application.status !== 'draft') throw notEditable(application.status);
    const count = await this.dataSource.getRepository(ApplicationDocument).countBy({ applicationId });
    if (count >= MAX_FILES_PER_APPLICATION) throw tooManyFiles(MAX_FILES_PER_APPLICATION);
  }

  /** Streams a file into the store under this application; checked by content and size (see StoredFilesService). */
  storeFile(applicationId: string, body: Readable): Promise<StoredFile> {
    return this.files.put(`applications/${applicationId}`, body);
  }

  /**
   * Records a stored file as a document of the type given. Any refusal (type, status, count) removes the
   * stored file again, so a failed upload leaves neither a row nor a file.
   */
  async attach(
    actor: Actor,
    applicationId: string,
    type: string | undefined,
    fileName: string,
    stored: StoredFile,
  ): Promise<DocumentResponse> {
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const { application, competition } = await this.own(manager, actor, applicationId, true);
        const codes = competition.documentTypes.map((t) => t.code);
        if (typeof type !== 'string' || !codes.includes(type)) {
          throw invalid(
            codes.length ? `type must be one of: ${codes.join(', ')}` : 'type: the competition asks for no documents',
          );
        }
        if (application.status !== 'draft') throw notEditable(application.status);
        const count = await manager.countBy(ApplicationDocument, { applicationId });
        if (count >= MAX_FILES_PER_APPLICATION) throw tooManyFiles(MAX_FILES_PER_APPLICATION);
        const inserted = await manager.insert(ApplicationDocument, {
          applicationId,
          type,
          fileName,
          size: stored.size,
          contentType: stored.contentType,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedBy: actor.id,
          uploadedAt: () => 'clock_timestamp()',
        } as never);
        return inserted.identifiers[0].id as string;
      });
      const row = await this.dataSource.getRepository(ApplicationDocument).findOneByOrFail({ id });
      return DocumentResponse.from(row);
    } catch (error) {
      await this.files.discard(stored.storageKey);
      throw error;
    }
  }

  /** Discards a stored file that will not be attached (the upload was refused after it was stored). */
  discard(stored: StoredFile): Promise<void> {
    return this.files.discard(stored.storageKey);
  }

  async list(actor: Actor, applicationId: string): Promise<DocumentListResponse> {
    await this.applications.get(actor, applicationId);
    const rows = await this.dataSource
      .getRepository(ApplicationDocument)
      .find({ where: { applicationId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return { items: rows.map((d) => DocumentResponse.from(d)) };
  }

  /** The file for whoever may read its application; anyone else gets a 404, as for the application. */
  async download(actor: Actor, documentId: string): Promise<DocumentDownload> {
    const row = await this.dataSource.getRepository(ApplicationDocument).findOneBy({ id: documentId });
    if (!row) throw notFound('Document');
    await this.applications.get(actor, row.applicationId).catch((error) => {
      throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound('Document') : error;
    });
    return { document: DocumentResponse.from(row), body: await this.files.open(row.storageKey) };
  }

  /** The owner deletes a document of its draft; a submitted application's documents are frozen (409). */
  async remove(actor: Actor, documentId: string): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(ApplicationDocument, { id: documentId });
      if (!row) throw notFound('Document');
      const { application } = await this.own(manager, actor, row.applicationId, true).catch((error) => {
        throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound('Document') : error;
      });
      if (application.status !== 'draft') throw notEditable(application.status);
      await manager.delete(ApplicationDocument, { id: documentId });
      return row.storageKey;
    });
    // After commit: a crash here leaves an unreferenced file, never a row without its file.
    await this.files.discard(storageKey);
  }

  /**
   * The caller's own application and its competition. With `lock`, in the order submit takes them
   * (competition shared, application exclusive), so an attach or delete and a submit serialise.
   */
  private async own(manager: EntityManager, actor: Actor, applicationId: string, lock = false) {
    const qb = manager
      .createQueryBuilder(Competition, 'c')
      .innerJoin(Application, 'a', 'a.competition_id = c.id')
      .where('a.id = :id', { id: applicationId })
      .andWhere('a.organization_id = :org', { org: actor.organizationId });
    if (lock) qb.setLock('pessimistic_read', undefined, ['c']);
    const competition = await qb.getOne();
    if (!competition) throw notFound('Application');
    const application = await manager.findOneOrFail(Application, {
      where: { id: applicationId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return { application, competition };
  }
}
