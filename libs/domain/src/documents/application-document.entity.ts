import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file attached to an application; the bytes live in the file store under `storageKey`. */
@Entity('application_documents')
export class ApplicationDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  /** One of the competition's document type codes. */
  @Column('varchar') type: string;
  /** As the client named it (Cyrillic, spaces); shown and sent back, never used as a path. */
  @Column('text') fileName: string;
  @Column('int8', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size: number;
  /** Decided from the content, never taken from the client. */
  @Column('varchar') contentType: string;
  @Column('char') sha256: string;
  @Column('varchar') storageKey: string;
  @Column('uuid') uploadedBy: string;
  @Column('timestamptz') uploadedAt: Date;
}
