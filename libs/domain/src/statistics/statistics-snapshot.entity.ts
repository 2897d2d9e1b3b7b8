import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An immutable compilation of a year's figures; the newest per year is the current one. */
@Entity('statistics_snapshots')
export class StatisticsSnapshot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('int') year: number;
  @Column('timestamptz', { default: () => 'now()' }) compiledAt: Date;
  @Column('text', { nullable: true }) jobId: string | null;
  @Column('jsonb') figures: Record<string, unknown>;
}
