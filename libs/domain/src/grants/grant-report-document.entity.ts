import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A file attached to a grant report (acts, photos, lists of participants): checked like application documents. */
@Entity('grant_report_documents')
export class GrantReportDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') reportId: string;
  @Column('uuid') grantId: string;
  @Column('text') fileName: string;
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size: number;
  @Column('varchar') contentType: string;
  @Column('varchar') sha256: string;
  @Column('text') storageKey: string;
  @Column('uuid') uploadedBy: string;
  @Column('timestamptz') uploadedAt: Date;
}
