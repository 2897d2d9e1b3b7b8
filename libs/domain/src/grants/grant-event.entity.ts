import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../shared/roles';

/** History of a grant and of its reports (`reportCode` set): one row per change of status. */
@Entity('grant_events')
export class GrantEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid') grantId: string;
  @Column('varchar', { nullable: true }) reportCode: string | null;
  @Column('varchar', { nullable: true }) fromStatus: string | null;
  @Column('varchar') toStatus: string;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('varchar') actorRole: Role | 'system';
  @Column('text', { nullable: true }) comment: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}
