import { EntityManager } from 'typeorm';
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
