import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { adminIds } from '../identity/admins';
import { applicantsByOrganization } from '../applications/applicants';
import { findTransition } from '../applications/application.state-machine';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';
import { notFound } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { DeadlineScheduler } from './deadline-scheduler.service';

export interface CloseResult {
  closed: boolean;
  submitted: number;
  notSubmitted: number;
  /** Why nothing was closed: already closed (or never open), a deadline that moved, or a job that ran early. */
  skipped?: 'not_open' | 'stale_deadline' | 'too_early' | 'draining';
}

interface LockedCompetition {
  id: string;
  title: string;
  timezone: string;
  status: string;
  submission_deadline: Date;
  db_now: Date;
  in_grace: boolean;
}

interface MovedApplication {
  id: string;
  title: string;
  status: 'under_review' | 'not_submitted';
  organization_id: string;
  organization_name: string;
}

const OUTBOX_CHUNK = 1000;

/** The rush has drained when no submit of the competition committed for this long. */
export const DRAIN_QUIET_MS = 2000;
const DRAIN_POLL_MS = 500;
const MAX_DRAIN_WAIT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends submission for a competition: open → review, submitted → under_review,
 * draft → not_submitted, with notifications; one transaction, idempotent.
 */
@Injectable()
export class SubmissionCloser {
  private readonly logger = new Logger(SubmissionCloser.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly scheduler: DeadlineScheduler,
    private readonly config: AppConfig,
  ) {}

  /**
   * An admin's close, received at `receivedAt` (database clock): submits received before it are still
   * taken, later ones are refused at once (the cut-off is stored on the competition), and the close runs
   * once SUBMIT_GRACE_MS has passed since, for what arrived in time and is still queued. If this process
   * dies while it waits, reconciliation closes the competition from the stored cut-off.
   */
  async closeOnRequest(competitionId: string, actor: Actor, receivedAt: Date): Promise<CloseResult> {
    // A CTE so the query answers plain rows (an UPDATE … RETURNING alone comes back with its row count).
    const [cut] = (await this.dataSource.query(
      `WITH cut AS (
         UPDATE competitions SET submission_cutoff_at = least(submission_cutoff_at, submission_deadline, $2::timestamptz)
         WHERE id = $1 AND status = 'open'
         RETURNING submission_cutoff_at
       )
       SELECT extract(epoch FROM submission_cutoff_at + make_interval(secs => $3) - clock_timestamp())::float8 * 1000 AS wait_ms
       FROM cut`,
      [competitionId, receivedAt, this.config.values.SUBMIT_GRACE_MS / 1000],
    )) as { wait_ms: number }[];
    if (cut && cut.wait_ms > 0) await sleep(Math.ceil(cut.wait_ms));
    // Then as long as the rush still drains (bounded: a stuck submit does not hold the close for ever).
    for (let waited = 0; waited < MAX_DRAIN_WAIT_MS; waited += DRAIN_POLL_MS) {
      const result = await this.close(competitionId, { actor, waitForDrain: true });
      if (result.skipped !== 'draining') return result;
      await sleep(DRAIN_POLL_MS);
    }
    return this.close(competitionId, { actor });
  }

  /**
   * `expectedDeadline` is given by the deadline job and reconciliation: the close happens only if that is
   * still the competition's deadline and it has passed by the database clock, plus SUBMIT_GRACE_MS for the
   * submits received before it and still queued, and only once the rush has drained: no submit committed
   * in the last DRAIN_QUIET_MS (`waitForDrain`, implied by `expectedDeadline`). A stale or early job never
   * closes. A close with neither closes at once. The competition row lock plus the `status = 'open'` check
   * make concurrent or repeated runs change state once.
   */
  async close(
    competitionId: string,
    options: { actor: Actor | 'system'; expectedDeadline?: Date; waitForDrain?: boolean },
  ): Promise<CloseResult> {
    const role = options.actor === 'system' ? 'system' : options.actor.role;
    // Set-based transitions below bypass applyApplicationTransition for speed; the transition table stays
    // the authority: the close refuses to run for an actor the table does not allow these steps.
    if (!findTransition('submitted', 'under_review', role) || !findTransition('draft', 'not_submitted', role)) {
      throw new Error(`Role ${role} may not close submission`);
    }
    const actorId = options.actor === 'system' ? null : options.actor.id;

    const result = await this.dataSource.transaction(async (manager) => {
      const [competition] = (await manager.query(
        `SELECT id, title, timezone, status, submission_deadline, now() AS db_now,
                now() < least(submission_deadline, submission_cutoff_at) + make_interval(secs => $2) AS in_grace
         FROM competitions WHERE id = $1 FOR UPDATE`,
        [competitionId, this.config.values.SUBMIT_GRACE_MS / 1000],
      )) as LockedCompetition[];
      if (!competition) throw notFound('Competition');
      const none = (skipped: CloseResult['skipped']): CloseResult => ({
        closed: false,
        submitted: 0,
        notSubmitted: 0,
        skipped,
      });
      if (competition.status !== 'open') return none('not_open');
      if (options.expectedDeadline) {
        if (competition.submission_deadline.getTime() !== options.expectedDeadline.getTime())
          return none('stale_deadline');
        if (competition.in_grace) return none('too_early');
      }
      if (options.expectedDeadline || options.waitForDrain) {
        // Submits still arriving in their transactions (received in time, queued behind the rush) keep the
        // competition open; the ones holding the competition row already finished before the lock above.
        const [{ draining }] = (await manager.query(
          `SELECT EXISTS (SELECT 1 FROM applications WHERE competition_id = $1 AND status = 'submitted'
                          AND updated_at > clock_timestamp() - make_interval(secs => $2)) AS draining`,
          [competitionId, DRAIN_QUIET_MS / 1000],
        )) as [{ draining: boolean }];
        if (draining) return none('draining');
      }

      await manager.query(
        `UPDATE competitions SET status = 'review', closed_at = now(), version = version + 1, updated_at = now()
         WHERE id = $1 AND status = 'open'`,
        [competitionId],
      );
      const moved = (await manager.query(
        `WITH moved AS (
           UPDATE applications a
           SET status = CASE a.status WHEN 'submitted' THEN 'under_review' ELSE 'not_submitted' END,
               version = a.version + 1, updated_at = now()
           WHERE a.competition_id = $1 AND a.status IN ('submitted', 'draft')
           RETURNING a.id, a.title, a.status, a.organization_id
         ), events AS (
           INSERT INTO application_events (application_id, from_status, to_status, actor_id, actor_role, reason)
           SELECT id, CASE status WHEN 'under_review' THEN 'submitted' ELSE 'draft' END, status, $2::uuid, $3::varchar,
                  'Приём заявок завершён'
           FROM moved
         )
         SELECT m.id, m.title, m.status, m.organization_id, o.full_name AS organization_name
         FROM moved m JOIN organizations o ON o.id = m.organization_id`,
        [competitionId, actorId, role],
      )) as MovedApplication[];

      const submitted = moved.filter((a) => a.status === 'under_review').length;
      const notSubmitted = moved.length - submitted;
      const closedAt = competition.db_now.toISOString();
      const ref = { competitionId, competitionTitle: competition.title, timezone: competition.timezone };
      const deadline = competition.submission_deadline.toISOString();

      const messages: OutboxMessage[] = [];
      const drafts = moved.filter((a) => a.status === 'not_submitted');
      const applicants = await applicantsByOrganization(manager, [...new Set(drafts.map((a) => a.organization_id))]);
      for (const app of drafts) {
        for (const userId of applicants.get(app.organization_id) ?? []) {
          messages.push({
            userId,
            template: 'application.not_submitted',
            payload: {
              ...ref,
              applicationId: app.id,
              applicationTitle: app.title,
              organizationName: app.organization_name,
              deadline,
            },
            dedupeKey: `application.not_submitted:${app.id}:${userId}`,
          });
        }
      }
      for (const adminId of await adminIds(manager)) {
        messages.push({
          userId: adminId,
          template: 'competition.submission_closed',
          payload: { ...ref, closedAt, submitted, notSubmitted },
          dedupeKey: `competition.submission_closed:${competitionId}:${adminId}`,
        });
      }
      for (let i = 0; i < messages.length; i += OUTBOX_CHUNK) {
        await this.outbox.write(manager, messages.slice(i, i + OUTBOX_CHUNK));
      }
      return { closed: true, submitted, notSubmitted };
    });
    if (result.closed) {
      // After commit: the close job and applicant reminders are now stale (a manual close comes early).
      await this.scheduler.scheduleCompetition(competitionId);
      this.logger.log(
        `Competition ${competitionId} closed for submission by ${role}: ${result.submitted} submitted, ${result.notSubmitted} not submitted`,
      );
    }
    return result;
  }
}
