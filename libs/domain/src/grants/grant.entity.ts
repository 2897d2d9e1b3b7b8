import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type GrantStatus = 'awaiting_agreement' | 'active' | 'completed' | 'terminated';
export const GRANT_STATUSES: readonly GrantStatus[] = ['awaiting_agreement', 'active', 'completed', 'terminated'];

/** An award being carried out: created by the announcement, one per awarded application. */
@Entity('grants')
export class Grant {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') competitionId: string;
  @Column('uuid') organizationId: string;
  @Column('varchar') registrationNumber: string;
  @Column('text') title: string;
  @Column('numeric') amount: string;
  @Column('numeric') coFinancingAmount: string;
  @Column('date', { nullable: true }) projectStart: string | null;
  @Column('date', { nullable: true }) projectEnd: string | null;
  @Column('varchar') status: GrantStatus;
  @Column('varchar', { nullable: true }) agreementNumber: string | null;
  @Column('date', { nullable: true }) agreementDate: string | null;
  @Column('text', { nullable: true }) terminationReason: string | null;
  @Column('timestamptz', { nullable: true }) completedAt: Date | null;
  @Column('timestamptz', { nullable: true }) terminatedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
