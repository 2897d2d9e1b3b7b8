import { ReportScheduleItem } from '../grants/report-schedule';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type CompetitionStatus = 'draft' | 'open' | 'review' | 'results_announced' | 'archived' | 'cancelled';

/** Titles are Russian; `titleEn`, when given, is what a reader in English sees instead. */
export interface Direction {
  code: string;
  title: string;
  titleEn?: string;
}

export interface Criterion {
  code: string;
  title: string;
  titleEn?: string;
  weight: number;
  maxScore: number;
}

/** A kind of document the competition asks applicants to attach; a `required` one blocks submission until attached. */
export interface DocumentType {
  code: string;
  title: string;
  titleEn?: string;
  required: boolean;
}

@Entity('competitions')
export class Competition {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('varchar') shortCode: string;
  @Column('text') title: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('int') year: number;
  @Column('text', { nullable: true }) fundingSource: string | null;
  @Column('varchar') currency: string;
  @Column('numeric') totalBudget: string;
  @Column('numeric') maxGrantAmount: string;
  @Column('numeric') minCoFinancingPercent: string;
  @Column('jsonb') directions: Direction[];
  @Column('jsonb') criteria: Criterion[];
  @Column('jsonb') documentTypes: DocumentType[];
  @Column('int') expertsPerApplication: number;
  @Column('numeric') divergenceThreshold: string;
  @Column('numeric', { nullable: true }) minScoreToAward: string | null;
  /** The reports every grant of the competition owes (editable until the announcement). */
  @Column('jsonb') reportSchedule: ReportScheduleItem[];
  @Column('text') timezone: string;
  @Column('timestamptz') submissionOpensAt: Date;
  @Column('timestamptz') submissionDeadline: Date;
  @Column('timestamptz') reviewDeadline: Date;
  @Column('varchar') status: CompetitionStatus;
  @Column('text', { nullable: true }) cancelReason: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
  /** An admin's close request arrived then: later submits are refused, the close follows after the grace. */
  @Column('timestamptz', { nullable: true }) submissionCutoffAt: Date | null;
  @Column('timestamptz', { nullable: true }) announcedAt: Date | null;
  @VersionColumn() version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
