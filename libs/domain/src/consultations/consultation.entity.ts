import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export type ConsultationStatus = 'requested' | 'in_progress' | 'completed';

export interface Remark {
  field: string;
  text: string;
}

@Entity('consultations')
export class Consultation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') requestedBy: string;
  @Column('text') question: string;
  @Column('varchar') status: ConsultationStatus;
  @Column('uuid', { nullable: true }) consultantId: string | null;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('varchar', { nullable: true }) verdict: 'ready' | 'needs_changes' | null;
  @Column('jsonb') remarks: Remark[];
  @Column('timestamptz', { default: () => 'now()' }) requestedAt: Date;
  @Column('timestamptz', { nullable: true }) takenAt: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @VersionColumn() version: number;
}
