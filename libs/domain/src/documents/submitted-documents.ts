import { EntityManager, In } from 'typeorm';
import { SubmittedDocument } from '../applications/application-content';
import { ApplicationDocument } from './application-document.entity';

/** The application's documents as the snapshot freezes them, in upload order. */
export async function submittedDocuments(manager: EntityManager, applicationId: string): Promise<SubmittedDocument[]> {
  const rows = await manager.find(ApplicationDocument, {
    where: { applicationId },
    order: { uploadedAt: 'ASC', id: 'ASC' },
    select: { type: true, fileName: true, size: true, sha256: true, uploadedAt: true, id: true },
  });
  return rows.map((d) => ({ type: d.type, fileName: d.fileName, size: d.size, sha256: d.sha256 }));
}

/** The documents of several applications at once, by application, each list as `submittedDocuments` gives it. */
export async function submittedDocumentsOf(
  manager: EntityManager,
  applicationIds: string[],
): Promise<Map<string, SubmittedDocument[]>> {
  const rows = await manager.find(ApplicationDocument, {
    where: { applicationId: In(applicationIds) },
    order: { uploadedAt: 'ASC', id: 'ASC' },
    select: { applicationId: true, type: true, fileName: true, size: true, sha256: true, uploadedAt: true, id: true },
  });
  const byApplication = new Map<string, SubmittedDocument[]>();
  for (const d of rows) {
    const list = byApplication.get(d.applicationId) ?? [];
    list.push({ type: d.type, fileName: d.fileName, size: d.size, sha256: d.sha256 });
    byApplication.set(d.applicationId, list);
  }
  return byApplication;
}
