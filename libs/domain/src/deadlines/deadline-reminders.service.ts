import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { adminIds } from '../identity/admins';
import { Competition, CompetitionStatus } from '../competitions/competition.entity';
import { OutboxMessage, OutboxService } from '../notifications/outbox.service';

/** What a reminder job ran into; a stale job (the deadline moved, the stage ended) sends nothing. */
export interface ReminderResult {
  stale: boolean;
  written: number;
}

const OUTBOX_CHUNK = 1000;
const STALE: ReminderResult = { stale: true, written: 0 };
// Review jobs may run while the close is still pending (worker was down); reviews exist only after it.
const REVIEW_STAGE: CompetitionStatus[] = ['open', 'review'];

/**
 * The reminder jobs' work: who still has something to do before a deadline. Each run reloads state from
 * the database and writes outbox rows with dedupe keys, so a job that runs twice sends each mail once.
 */
@Injectable()
export class DeadlineReminders {
  private readonly logger = new Logger(DeadlineReminders.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** `deadline.reminder` to the applicants of organizations that still have a draft in the competition. */
  async remindApplicants(data: {
    competitionId: string;
    deadline: string;
    daysBefore: number;
  }): Promise<ReminderResult> {
    return this.dataSource.transaction(async (manager) => {
      const c = await manager.findOneBy(Competition, { id: data.competitionId });
      const deadline = new Date(data.deadline);
      if (!c || c.status !== 'open' || c.submissionDeadline.getTime() !== deadline.getTime()) return STALE;
      // A reminder that comes after the deadline (worker down for days) would only confuse.
      if (Date.now() >= deadline.getTime()) return STALE;
      const rows = (await manager.query(
        `SELECT a.id, a.title, o.full_name AS organization_name, u.id AS user_id
         FROM applications a
         JOIN organizations o ON o.id = a.organization_id
         JOIN users u ON u.organization_id = a.organization_id AND u.role = 'applicant'
         WHERE a.competition_id = $1 AND a.status = 'draft'
         ORDER BY a.created_at, u.created_at`,
        [c.id],
      )) as { id: string; title: string; organization_name: string; user_id: string }[];
      const messages: OutboxMessage[] = rows.map((r) => ({
        userId: r.user_id,
        template: 'deadline.reminder',
        payload: {
          competitionId: c.id,
          competitionTitle: c.title,
          timezone: c.timezone,
          applicationId: r.id,
          applicationTitle: r.title,
          organizationName: r.organization_name,
          deadline: data.deadline,
          daysLeft: data.daysBefore,
        },
        dedupeKey: `deadline.reminder:${r.id}:${deadline.getTime()}:${data.daysBefore}:${r.user_id}`,
      }));
      return { stale: false, written: await this.write(manager, messages) };
    });
  }

  /** `review.reminder` to experts whose reviews in the competition are neither submitted nor declined. */
  async remindExperts(data: {
    competitionId: string;
    reviewDeadline: string;
    daysBefore: number;
  }): Promise<ReminderResult> {
    return this.dataSource.transaction(async (manager) => {
      const c = await manager.findOneBy(Competition, { id: data.competitionId });
      const reviewDeadline = new Date(data.reviewDeadline);
      if (!c || !REVIEW_STAGE.includes(c.status) || c.reviewDeadline.getTime() !== reviewDeadline.getTime())
        return STALE;
      const rows = await this.openReviews(manager, c.id);
      const messages: OutboxMessage[] = rows.map((r) => ({
        userId: r.expert_id,
        template: 'review.reminder',
        payload: {
          competitionId: c.id,
          competitionTitle: c.title,
          timezone: c.timezone,
          applicationId: r.application_id,
          applicationTitle: r.application_title,
          organizationName: r.organization_name,
          reviewId: r.id,
          registrationNumber: r.registration_number ?? '',
          dueAt: r.due_at.toISOString(),
          daysLeft: data.daysBefore,
        },
        dedupeKey: `review.reminder:${r.id}:${reviewDeadline.getTime()}:${data.daysBefore}`,
      }));
      return { stale: false, written: await this.write(manager, messages) };
    });
  }

  /** `review.overdue` to every admin with the reviews not in at the review deadline; nothing when all are in. */
  async reportOverdueReviews(data: { competitionId: string; reviewDeadline: string }): Promise<ReminderResult> {
    return this.dataSource.transaction(async (manager) => {
      const c = await manager.findOneBy(Competition, { id: data.competitionId });
      const reviewDeadline = new Date(data.reviewDeadline);
      if (!c || !REVIEW_STAGE.includes(c.status) || c.reviewDeadline.getTime() !== reviewDeadline.getTime())
        return STALE;
      const overdue = (await this.openReviews(manager, c.id)).map((r) => ({
        reviewId: r.id,
        registrationNumber: r.registration_number ?? '',
        expertName: r.expert_name,
        status: r.status,
      }));
      if (!overdue.length) return { stale: false, written: 0 };
      const messages: OutboxMessage[] = (await adminIds(manager)).map((adminId) => ({
        userId: adminId,
        template: 'review.overdue',
        payload: {
          competitionId: c.id,
          competitionTitle: c.title,
          timezone: c.timezone,
          reviewDeadline: data.reviewDeadline,
          overdue,
        },
        dedupeKey: `review.overdue:${c.id}:${reviewDeadline.getTime()}:${adminId}`,
      }));
      return { stale: false, written: await this.write(manager, messages) };
    });
  }

  private openReviews(manager: DataSource['manager'], competitionId: string) {
    return manager.query(
      `SELECT r.id, r.status, r.due_at, r.expert_id, u.full_name AS expert_name,
              a.id AS application_id, a.title AS application_title, a.registration_number,
              o.full_name AS organization_name
       FROM reviews r
       JOIN applications a ON a.id = r.application_id
       JOIN organizations o ON o.id = a.organization_id
       JOIN users u ON u.id = r.expert_id
       WHERE r.competition_id = $1 AND r.status IN ('assigned', 'in_progress')
         AND a.status NOT IN ('ineligible', 'withdrawn')
       ORDER BY a.registration_number, u.full_name`,
      [competitionId],
    ) as Promise<
      {
        id: string;
        status: string;
        due_at: Date;
        expert_id: string;
        expert_name: string;
        application_id: string;
        application_title: string;
        registration_number: string | null;
        organization_name: string;
      }[]
    >;
  }

  private async write(manager: DataSource['manager'], messages: OutboxMessage[]): Promise<number> {
    let written = 0;
    for (let i = 0; i < messages.length; i += OUTBOX_CHUNK) {
      written += await this.outbox.write(manager, messages.slice(i, i + OUTBOX_CHUNK));
    }
    if (written) this.logger.log(`Wrote ${written} reminder notification(s)`);
    return written;
  }
}
