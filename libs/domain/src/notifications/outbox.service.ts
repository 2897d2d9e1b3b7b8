import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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

/**
 * The write side of the transactional outbox. Always called with the EntityManager of the
 * transaction that makes the change, so the mail exists iff the change committed.
 */
@Injectable()
export class OutboxService {
  async write(manager: EntityManager, messages: OutboxMessage[]): Promise<number> {
    if (!messages.length) return 0;
    // A new decision about the same matter supersedes the mails of the old one that are still unsent.
    const decisions = [...new Set(messages.map((m) => m.decisionKey).filter((k): k is string => !!k))];
    if (decisions.length) {
      await manager.query(
        `UPDATE notifications SET status = 'voided'
         WHERE decision_key = ANY($1::text[]) AND status IN ('pending','queued','failed') AND dedupe_key <> ALL($2::text[])`,
        [decisions, messages.map((m) => m.dedupeKey)],
      );
    }
    const rows = messages.map((m) => [
      m.userId,
      m.to?.email ?? null,
      m.to?.locale ?? null,
      m.template,
      JSON.stringify(m.payload),
      m.dedupeKey,
      m.decisionKey ?? null,
    ]);
    const params: unknown[] = [];
    const values = rows.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`).join(', ');
    params.push(OUTBOX_CHANNEL);
    // One round trip: the rows, and a NOTIFY that wakes the relay right after commit (NOTIFY is
    // delivered only if the transaction commits) when at least one row is new.
    const [{ inserted }]: { inserted: number }[] = await manager.query(
      `WITH ins AS (
         INSERT INTO notifications (user_id, email, locale, template, payload, dedupe_key, decision_key)
         SELECT v.user_id::uuid, COALESCE(u.email, v.email), COALESCE(u.locale, v.locale), v.template,
                v.payload::jsonb, v.dedupe_key, v.decision_key
         FROM (VALUES ${values}) AS v(user_id, email, locale, template, payload, dedupe_key, decision_key)
         LEFT JOIN users u ON u.id = v.user_id::uuid
         WHERE u.id IS NOT NULL OR (v.user_id IS NULL AND v.email IS NOT NULL)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id
       ), n AS (SELECT count(*)::int AS inserted FROM ins)
       SELECT n.inserted, CASE WHEN n.inserted > 0 THEN pg_notify($${params.length}, '') END AS notified FROM n`,
      params,
    );
    return inserted;
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
