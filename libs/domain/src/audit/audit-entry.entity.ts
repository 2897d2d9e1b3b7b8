import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('varchar') action: string;
  @Column('text', { nullable: true }) target: string | null;
  @Column('jsonb', { nullable: true }) details: Record<string, unknown> | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
