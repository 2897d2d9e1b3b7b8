import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { Locale } from '../shared/roles';
import { TemplateCode, TemplatePayloads } from './templates';

/** One mail to write: the template fixes the payload's type. */
export type OutboxMessage = {
  [T in TemplateCode]: {
    /** Recipient user; its email and locale are read in the same transaction. */
    userId: string | null;
    /** A recipient without an account (an invitation): used when `userId` is null. */
    to?: { email: string; locale: Locale };
    template: T;
    payload: TemplatePayloads[T];
    /** Unique per event and recipient: writing the same event twice is a no-op. */
    dedupeKey: string;
    /** Set for mails bound to a decision (results, ineligible); a superseding decision voids unsent ones. */
    decisionKey?: string;
  };
}[TemplateCode];

export const OUTBOX_CHANNEL = 'outbox_pending';

/** Numbered placeholders ($1, $2, …) for the parameters of one statement built in parts. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Set on a transaction's query runner once it has written mails: its commit wakes the relay. */
const WAKE_AFTER_COMMIT = 'outboxWakeAfterCommit';

/**
 * Wakes the worker's relay (NOTIFY on OUTBOX_CHANNEL) after the commit that wrote mails, outside it.
 * A NOTIFY inside the writing transaction would take PostgreSQL's cluster-wide notify lock at that
 * transaction's commit and hold it through the WAL flush, so every transaction that writes mails would
 * commit one after another (the deadline rush's submits did). Here one NOTIFY is in flight at a time and
 * the wake-ups asked for meanwhile become one more after it: the relay reads every pending row when it
 * wakes. A wake-up lost to a crash between commit and NOTIFY is made up by the relay's periodic sweep.
 */
@Injectable()
export class OutboxWaker implements EntitySubscriberInterface {
  private readonly logger = new Logger(OutboxWaker.name);
  private inFlight: Promise<void> | null = null;
  private again = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Wakes the relay once `runner`'s transaction commits; at once when the mails were written outside one. */
  wakeAfterCommit(runner: QueryRunner | undefined): void {
    if (runner?.isTransactionActive) runner.data[WAKE_AFTER_COMMIT] = true;
    else void this.wake();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint fires this too: only the outermost commit makes the mails visible.
    if (runner.isTransactionActive || !runner.data[WAKE_AFTER_COMMIT]) return;
    delete runner.data[WAKE_AFTER_COMMIT];
    void this.wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) delete event.queryRunner.data[WAKE_AFTER_COMMIT];
  }

  /** Sends the NOTIFY, or marks one more to follow the one in flight; resolves once the last is sent. */
  wake(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      do {
        this.again = false;
        if (!this.dataSource.isInitialized) break;
        await this.dataSource
          .query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL])
          .catch((e: Error) => this.logger.warn(`Outbox wake-up not sent (the sweep relays the mails): ${e.message}`));
      } while (this.again);
      this.inFlight = null;
    })();
    return this.inFlight;
  }
}

/**
 * The write side of the transactional outbox. Always called with the EntityManager of the
 * transaction that makes the change, so the mail exists iff the change committed; the relay is woken
 * after that commit (OutboxWaker).
 */
@Injectable()
export class OutboxService {
  constructor(private readonly waker: OutboxWaker) {}

  async write(manager: EntityManager, messages: OutboxMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const params = new SqlParams();
    const { ctes, inserted } = this.writeCtes(messages, params);
    // One round trip: the superseded mails voided and the new rows written.
    const [row]: { inserted: number }[] = await manager.query(
      `WITH ${ctes.join(',\n')} SELECT ${inserted} AS inserted`,
      params.values,
    );
    this.written(manager, row.inserted);
    return row.inserted;
  }

  /**
   * The write as common table expressions for a caller's own statement (e.g. an application's status
   * change, so the change and its mails take one round trip): the unsent mails of a superseded decision
   * voided, the new rows inserted (an existing dedupe key does nothing), both only when `onlyIf` (an SQL
   * condition over the caller's other CTEs) holds. `inserted` is the SQL expression counting new rows;
   * hand its value to `written` so the relay is woken after commit.
   */
  writeCtes(messages: OutboxMessage[], params: SqlParams, onlyIf = 'true'): { ctes: string[]; inserted: string } {
    const ctes: string[] = [];
    // A new decision about the same matter supersedes the mails of the old one that are still unsent.
    const decisions = [...new Set(messages.map((m) => m.decisionKey).filter((k): k is string => !!k))];
    if (decisions.length) {
      const keys = params.add(messages.map((m) => m.dedupeKey));
      ctes.push(`outbox_voided AS (
         UPDATE notifications SET status = 'voided'
         WHERE decision_key = ANY(${params.add(decisions)}::text[]) AND status IN ('pending','queued','failed')
           AND dedupe_key <> ALL(${keys}::text[]) AND ${onlyIf}
       )`);
    }
    const values = messages
      .map((m) =>
        [
          m.userId,
          m.to?.email ?? null,
          m.to?.locale ?? null,
          m.template,
          JSON.stringify(m.payload),
          m.dedupeKey,
          m.decisionKey ?? null,
        ].map((v) => params.add(v)),
      )
      .map((row) => `(${row.join(', ')})`)
      .join(', ');
    ctes.push(`outbox_inserted AS (
         INSERT INTO notifications (user_id, email, locale, template, payload, dedupe_key, decision_key)
         SELECT v.user_id::uuid, COALESCE(r.email, v.email), COALESCE(r.locale, v.locale), v.template,
                v.payload::jsonb, v.dedupe_key, v.decision_key
         FROM (VALUES ${values}) AS v(user_id, email, locale, template, payload, dedupe_key, decision_key)
         LEFT JOIN users r ON r.id = v.user_id::uuid
         WHERE (r.id IS NOT NULL OR (v.user_id IS NULL AND v.email IS NOT NULL)) AND ${onlyIf}
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id
       )`);
    return { ctes, inserted: '(SELECT count(*)::int FROM outbox_inserted)' };
  }

  /** After rows were written in `manager`'s transaction: the relay is woken once it commits. */
  written(manager: EntityManager, inserted: number): void {
    if (inserted > 0) this.waker.wakeAfterCommit(manager.queryRunner);
  }

  /** Voids unsent mails of a superseded decision, so a stale result is never delivered. */
  async voidDecision(manager: EntityManager, decisionKey: string): Promise<number> {
    // Counted through a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, affected], not rows.
    const [{ voided }]: { voided: number }[] = await manager.query(
      `WITH v AS (
         UPDATE notifications SET status = 'voided'
         WHERE decision_key = $1 AND status IN ('pending','queued','failed') RETURNING id
       ) SELECT count(*)::int AS voided FROM v`,
      [decisionKey],
    );
    return voided;
  }
}

export type { Locale };
