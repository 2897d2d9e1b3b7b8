import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentDownload } from '../documents/application-documents.service';
import { MAX_FILES_PER_APPLICATION } from '../documents/documents.errors';
import { StoredFile, StoredFilesService } from '../documents/stored-files.service';
import { DomainError, notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { GrantReportDocument } from './grant-report-document.entity';
import { ReportDocumentResponse } from './dto/grant.response';

/** As many files per report as per application. */
export const MAX_FILES_PER_REPORT = MAX_FILES_PER_APPLICATION;

const tooManyFiles = (max: number) =>
  new DomainError('TOO_MANY_FILES', `К отчёту можно приложить не более ${max} файлов`, { max });

const EDITABLE_REPORT = ['pending', 'draft', 'returned'];
const EDITABLE_GRANT = ['awaiting_agreement', 'active'];

interface ReportRow {
  report_id: string;
  report_status: string;
  grant_status: string;
  organization_id: string;
}

/**
 * The documents of a grant report, in the documents context's store and with its checks (content, size,
 * number): the NGO attaches and deletes them while it may edit the report; whoever may read the grant
 * reads them.
 */
@Injectable()
export class GrantReportDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: StoredFilesService,
  ) {}

  /** Checked before the body is read: own grant, a report the NGO may still edit, room for one more file. */
  async checkCanAttach(actor: Actor, grantId: string, code: string): Promise<void> {
    const r = await this.editable(this.dataSource.manager, actor, grantId, code);
    await this.checkRoom(this.dataSource.manager, r.report_id);
  }

  storeFile(grantId: string, body: Readable): Promise<StoredFile> {
    return this.files.put(`grants/${grantId}`, body);
  }

  discard(stored: StoredFile): Promise<void> {
    return this.files.discard(stored.storageKey);
  }

  /** Records a stored file on the report; any refusal removes the stored file again. */
  async attach(actor: Actor, grantId: string, code: string, fileName: string, stored: StoredFile) {
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const r = await this.editable(manager, actor, grantId, code, true);
        await this.checkRoom(manager, r.report_id);
        const inserted = await manager.insert(GrantReportDocument, {
          reportId: r.report_id,
          grantId,
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
      return ReportDocumentResponse.from(
        await this.dataSource.getRepository(GrantReportDocument).findOneByOrFail({ id }),
      );
    } catch (error) {
      await this.files.discard(stored.storageKey);
      throw error;
    }
  }

  /** The documents of reports, by report id (the report response lists them). */
  async byReport(reportIds: string[]): Promise<Map<string, ReportDocumentResponse[]>> {
    const map = new Map<string, ReportDocumentResponse[]>();
    if (!reportIds.length) return map;
    const rows = await this.dataSource
      .getRepository(GrantReportDocument)
      .createQueryBuilder('d')
      .where('d.report_id = ANY(:ids)', { ids: reportIds })
      .orderBy('d.uploaded_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    for (const d of rows) map.set(d.reportId, [...(map.get(d.reportId) ?? []), ReportDocumentResponse.from(d)]);
    return map;
  }

  /** The file, for whoever may read the grant (the caller checked that); another grant's document is a 404. */
  async download(grantId: string, code: string, documentId: string): Promise<DocumentDownload> {
    const row = await this.documentOf(this.dataSource.manager, grantId, code, documentId);
    return {
      document: { ...ReportDocumentResponse.from(row), type: 'report' },
      body: await this.files.open(row.storageKey),
    };
  }

  async remove(actor: Actor, grantId: string, code: string, documentId: string): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (manager) => {
      await this.editable(manager, actor, grantId, code, true);
      const row = await this.documentOf(manager, grantId, code, documentId);
      await manager.delete(GrantReportDocument, { id: row.id });
      return row.storageKey;
    });
    // After commit: a crash here leaves an unreferenced file, never a row without its file.
    await this.files.discard(storageKey);
  }

  /** The caller's own report while the NGO may change it; the grant row is locked like every report change. */
  private async editable(manager: EntityManager, actor: Actor, grantId: string, code: string, lock = false) {
    const [r]: ReportRow[] = await manager.query(
      `SELECT r.id AS report_id, r.status AS report_status, g.status AS grant_status, g.organization_id
       FROM grants g JOIN grant_reports r ON r.grant_id = g.id
       WHERE g.id = $1 AND r.code = $2 ${lock ? 'FOR UPDATE OF g' : ''}`,
      [grantId, code],
    );
    if (!r || r.organization_id !== actor.organizationId) throw notFound('Report');
    if (!EDITABLE_GRANT.includes(r.grant_status))
      throw new DomainError('NOT_EDITABLE', `The reports of a ${r.grant_status} grant cannot change`);
    if (!EDITABLE_REPORT.includes(r.report_status))
      throw new DomainError('NOT_EDITABLE', `A ${r.report_status} report cannot be changed`, {
        status: r.report_status,
      });
    return r;
  }

  private async checkRoom(manager: EntityManager, reportId: string) {
    const count = await manager.countBy(GrantReportDocument, { reportId });
    if (count >= MAX_FILES_PER_REPORT) throw tooManyFiles(MAX_FILES_PER_REPORT);
  }

  private async documentOf(manager: EntityManager, grantId: string, code: string, documentId: string) {
    const row = await manager
      .createQueryBuilder(GrantReportDocument, 'd')
      .innerJoin('grant_reports', 'r', 'r.id = d.report_id')
      .where('d.id = :documentId AND d.grant_id = :grantId AND r.code = :code', { documentId, grantId, code })
      .getOne();
    if (!row) throw notFound('Document');
    return row;
  }
}
