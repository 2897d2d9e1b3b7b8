import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

export type ReviewStatus = 'assigned' | 'in_progress' | 'submitted' | 'declined';

@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') applicationId: string;
  @Column('uuid') competitionId: string;
  @Column('uuid') expertId: string;
  @Column('varchar') status: ReviewStatus;
  @Column('jsonb') scores: Record<string, number>;
  @Column('text', { nullable: true }) comment: string | null;
  @Column('numeric', { nullable: true }) total: string | null;
  @Column('text', { nullable: true }) declineReason: string | null;
  @Column('boolean') isExtra: boolean;
  @Column('timestamptz') dueAt: Date;
  @Column('timestamptz', { default: () => 'now()' }) assignedAt: Date;
  @Column('timestamptz', { nullable: true }) submittedAt: Date | null;
  @VersionColumn() version: number;
}
