import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type ReportStatus = 'pending' | 'draft' | 'submitted' | 'returned' | 'accepted';
export const REPORT_STATUSES: readonly ReportStatus[] = ['pending', 'draft', 'submitted', 'returned', 'accepted'];

/** An expected result of the application with the value the report says was achieved (null: not yet filled). */
export interface ReportResult {
  indicator: string;
  target: string;
  achieved: string | null;
}

/** A budget line of the application with the money spent on it so far (null: not yet filled). */
export interface ReportExpenditure {
  item: string;
  planned: string;
  spent: string | null;
}

/** One report of a grant, from the competition's report schedule. */
@Entity('grant_reports')
export class GrantReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') grantId: string;
  @Column('varchar') code: string;
  @Column('text') title: string;
  @Column('text', { nullable: true }) titleEn: string | null;
  @Column('date') dueDate: string;
  @Column('int') position: number;
  @Column('varchar') status: ReportStatus;
  @Column('text', { nullable: true }) narrative: string | null;
  @Column('jsonb') results: ReportResult[];
  @Column('jsonb') expenditures: ReportExpenditure[];
  @Column('timestamptz', { nullable: true }) firstSubmittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { nullable: true }) acceptedAt: Date | null;
  @Column('text', { nullable: true }) reviewComment: string | null;
  @Column('uuid', { nullable: true }) reviewedBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
