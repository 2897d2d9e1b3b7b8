import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The content an NGO submitted, frozen with its SHA-256. Never updated. */
@Entity('application_snapshots')
export class ApplicationSnapshot {
  @PrimaryColumn('uuid') applicationId: string;
  @Column('jsonb') content: Record<string, unknown>;
  @Column('varchar') contentHash: string;
  @Column('timestamptz') submittedAt: Date;
}
