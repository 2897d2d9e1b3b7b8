import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../shared/domain-error';
import { Page, pageOf } from '../shared/pagination';
import { Actor } from '../shared/roles';
import { AdminNotificationResponse, MyNotificationResponse, NotificationListQuery } from './dto/notification.dto';
import { Notification } from './notification.entity';
import { notRetryable } from './notifications.errors';
import { OUTBOX_CHANNEL } from './outbox.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toMine = (n: Notification): MyNotificationResponse => ({
  id: n.id,
  template: n.template,
  subject: n.subject,
  status: n.status,
  createdAt: n.createdAt.toISOString(),
  sentAt: iso(n.sentAt),
});

const toAdmin = (n: Notification): AdminNotificationResponse => ({
  ...toMine(n),
  userId: n.userId,
  email: n.email,
  locale: n.locale,
  attempts: n.attempts,
  lastError: n.lastError,
  queuedAt: iso(n.queuedAt),
});

/** The read side of the outbox for users and admins, and the admin's retry of a failed mail. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly audit: AuditService,
  ) {}

  /** The caller's own notifications, newest first. */
  async listMine(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<MyNotificationResponse>> {
    const [rows, total] = await this.notifications.findAndCount({
      where: { userId: actor.id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(rows.map(toMine), total, q);
  }

  /** Admin listing, e.g. `status=failed` with the last error, newest first. */
  async list(q: NotificationListQuery): Promise<Page<AdminNotificationResponse>> {
    const [rows, total] = await this.notifications.findAndCount({
      where: q.status ? { status: q.status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return pageOf(rows.map(toAdmin), total, q);
  }

  /** failed → pending in one transaction with the audit entry; the NOTIFY wakes the relay after commit. */
  async retry(actor: Actor, id: string): Promise<AdminNotificationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Notification');
      if (row.status !== 'failed') throw notRetryable(row.status);
      await manager.update(Notification, { id }, { status: 'pending', queuedAt: null });
      await this.audit.record(manager, actor, 'notification.retry', `notification:${id}`, {
        template: row.template,
        email: row.email,
        lastError: row.lastError,
      });
      await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
      return toAdmin({ ...row, status: 'pending', queuedAt: null });
    });
  }
}
