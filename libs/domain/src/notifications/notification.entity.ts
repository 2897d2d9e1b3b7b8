import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Locale } from '../shared/roles';

export type NotificationStatus = 'pending' | 'queued' | 'sent' | 'failed' | 'voided';

/** One outbox row: a mail to one recipient, written in the transaction of the change that causes it. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { nullable: true }) userId: string | null;
  @Column('text') email: string;
  @Column('varchar') locale: Locale;
  @Column('varchar') template: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text') dedupeKey: string;
  @Column('text', { nullable: true }) decisionKey: string | null;
  @Column('text', { nullable: true }) subject: string | null;
  @Column('varchar') status: NotificationStatus;
  @Column('int') attempts: number;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('text', { nullable: true }) messageId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) queuedAt: Date | null;
  @Column('timestamptz', { nullable: true }) sentAt: Date | null;
}
