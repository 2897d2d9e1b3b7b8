import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@grants/database';
import { Locale } from '../shared/roles';

export interface DeliverableNotification {
  id: string;
  email: string;
  locale: Locale;
  template: string;
  payload: Record<string, unknown>;
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'missing';

/** The database side of sending one outbox row; the worker supplies the actual send. */
@Injectable()
export class NotificationDelivery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Sends a row at most once: the row stays locked while the mail goes out, so a concurrent `voidDecision`
   * waits and then finds it `sent`, and a second worker on the same row waits and then skips it.
   * `sent` and `voided` rows are skipped; nothing is written when `send` throws.
   */
  async deliver(
    id: string,
    send: (row: DeliverableNotification) => Promise<{ messageId: string; subject: string }>,
  ): Promise<DeliveryOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // Prepared statements: a rush's mails are thousands of these two on the same connections.
      const [row] = await preparedQuery<DeliverableNotification & { status: string }>(
        manager,
        `SELECT id, email, locale, template, payload, status FROM notifications WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) return 'missing';
      if (row.status !== 'pending' && row.status !== 'queued') return 'skipped';
      const { messageId, subject } = await send(row);
      await preparedQuery(
        manager,
        `UPDATE notifications SET status = 'sent', message_id = $2, subject = $3, sent_at = now(),
           attempts = attempts + 1, last_error = NULL
         WHERE id = $1`,
        [id, messageId, subject],
      );
      return 'sent';
    });
  }

  /** Counts a failed attempt; after the last one (or a permanent error) the row is `failed`, listed for admins. */
  async recordFailure(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET attempts = attempts + 1, last_error = $2,
         status = CASE WHEN $3::boolean THEN 'failed' ELSE status END
       WHERE id = $1 AND status IN ('pending', 'queued')`,
      [id, error.slice(0, 2000), final],
    );
  }
}
