import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource, QueryRunner } from 'typeorm';
import { AppConfig } from '@grants/config';
import { ApplicationStatus, CompetitionStatus, DEFAULT_CRITERIA, ReviewStatus } from '@grants/domain';
import { Session } from './factories';

/*
 * Rows inserted straight into the database, so deadline tests can put a deadline seconds ahead (or
 * behind) without the API's validation of realistic dates getting in the way.
 */

export interface CompetitionRow {
  status?: CompetitionStatus;
  title?: string;
  timezone?: string;
  submissionOpensAt?: Date;
  submissionDeadline: Date;
  reviewDeadline?: Date;
}

export async function insertCompetition(ds: DataSource, row: CompetitionRow): Promise<string> {
  const status = row.status ?? 'open';
  const reviewDeadline = row.reviewDeadline ?? new Date(row.submissionDeadline.getTime() + 30 * 86_400_000);
  const opensAt =
    row.submissionOpensAt ?? new Date(Math.min(Date.now(), row.submissionDeadline.getTime()) - 86_400_000);
  const [{ id }] = await ds.query(
    `INSERT INTO competitions (short_code, title, year, total_budget, max_grant_amount, directions, criteria, timezone,
       submission_opens_at, submission_deadline, review_deadline, status, published_at)
     VALUES ($1, $2, $3, 1000000, 300000, $4, $5, $6, $7, $8, $9, $10::varchar, CASE WHEN $10::varchar = 'draft' THEN NULL ELSE now() END)
     RETURNING id`,
    [
      randomBytes(4).toString('hex').toUpperCase(),
      row.title ?? 'Конкурс «Город для всех»',
      row.submissionDeadline.getUTCFullYear(),
      JSON.stringify([{ code: 'social', title: 'Социальная поддержка' }]),
      JSON.stringify(DEFAULT_CRITERIA),
      row.timezone ?? 'Asia/Krasnoyarsk',
      opensAt,
      row.submissionDeadline,
      reviewDeadline,
      status,
    ],
  );
  return id;
}

let sequence = 0;

/** An application of the NGO's organization in the given status (submitted ones get a registration number). */
export async function insertApplication(
  ds: DataSource,
  competitionId: string,
  ngo: Session,
  status: ApplicationStatus = 'draft',
  title = 'Серебряное волонтерство',
): Promise<string> {
  const submitted = !['draft', 'withdrawn'].includes(status);
  const seq = submitted ? ++sequence : null;
  const [{ id }] = await ds.query(
    `INSERT INTO applications (competition_id, organization_id, created_by, title, status, sequence, registration_number, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      competitionId,
      ngo.user.organizationId,
      ngo.user.id,
      title,
      status,
      seq,
      submitted ? `2026-T${randomBytes(3).toString('hex')}-${seq}` : null,
      submitted ? new Date() : null,
    ],
  );
  return id;
}

export async function insertReview(
  ds: DataSource,
  row: { applicationId: string; competitionId: string; expertId: string; status?: ReviewStatus; dueAt: Date },
): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO reviews (application_id, competition_id, expert_id, status, due_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [row.applicationId, row.competitionId, row.expertId, row.status ?? 'assigned', row.dueAt],
  );
  return id;
}

/** Polls until `check` returns a truthy value (returned), or fails after `timeoutMs` with `what`. */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until `n` statements of this database are waiting for a lock, seen from `runner` (the one holding it):
 * inside a transaction the statistics view is a snapshot, so it is cleared before each look.
 */
export function untilWaitingOnLocks(runner: QueryRunner, n: number, what: string): Promise<true> {
  return pollUntil(what, async () => {
    await runner.query(`SELECT pg_stat_clear_snapshot()`);
    const [{ count }] = await runner.query(
      `SELECT count(*)::int AS count FROM pg_stat_activity
       WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
    );
    return count >= n;
  });
}

export async function competitionStatus(ds: DataSource, competitionId: string): Promise<string> {
  const [row] = await ds.query(`SELECT status FROM competitions WHERE id = $1`, [competitionId]);
  return row?.status;
}

/**
 * What a Redis restart without persistence does to this test's queues: every key under the test's own
 * QUEUE_PREFIX is deleted. Never FLUSHDB: the Redis is shared with other test files and engineers.
 */
export async function deleteQueueKeys(config: AppConfig): Promise<number> {
  const redis = new Redis(config.values.REDIS_URL, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.values.QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
