import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'reviewed'
  | 'awarded'
  | 'not_awarded'
  | 'withdrawn'
  | 'not_submitted'
  | 'ineligible';

export interface ExpectedResult {
  indicator: string;
  target: string;
}

export interface BudgetLine {
  item: string;
  amount: string;
}

@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') competitionId: string;
  @Column('uuid') organizationId: string;
  @Column('uuid') createdBy: string;
  @Column('text') title: string;
  @Column('text', { nullable: true }) summary: string | null;
  @Column('varchar', { nullable: true }) direction: string | null;
  @Column('numeric', { nullable: true }) requestedAmount: string | null;
  @Column('numeric', { nullable: true }) coFinancingAmount: string | null;
  @Column('date', { nullable: true }) projectStart: string | null;
  @Column('date', { nullable: true }) projectEnd: string | null;
  @Column('text', { nullable: true }) goals: string | null;
  @Column('jsonb') expectedResults: ExpectedResult[];
  @Column('jsonb') budgetLines: BudgetLine[];
  @Column('text', { nullable: true }) geography: string | null;
  @Column('varchar') status: ApplicationStatus;
  @Column('varchar', { nullable: true }) registrationNumber: string | null;
  @Column('int', { nullable: true }) sequence: number | null;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @Column('varchar', { nullable: true }) contentHash: string | null;
  @Column('boolean') consultantAssisted: boolean;
  @Column('numeric', { nullable: true }) score: string | null;
  @Column('numeric', { nullable: true }) awardedAmount: string | null;
  @Column('text', { nullable: true }) ineligibleReason: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
