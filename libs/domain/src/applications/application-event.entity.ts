import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../shared/roles';

/** History of an application's status: one row per transition. */
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid') applicationId: string;
  @Column('varchar', { nullable: true }) fromStatus: string | null;
  @Column('varchar') toStatus: string;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('varchar') actorRole: Role | 'system';
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
