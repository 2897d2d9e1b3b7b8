import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { getJobOptions, JobItem, JobName, JobQueue, QueueName, withinTimeout } from '@grants/queue';
import { Competition } from '../competitions/competition.entity';
import { APPLICANT_REMINDER_DAYS, EXPERT_REMINDER_DAYS, reminderRunAt, stillDue } from './deadline-times';

/** Redis calls of a schedule give up after this; the caller (an HTTP request) must not hang on a dead Redis. */
const REDIS_TIMEOUT_MS = 3000;

type Plannable = Pick<Competition, 'id' | 'status' | 'timezone' | 'submissionDeadline' | 'reviewDeadline'>;

/**
 * The delayed jobs a competition should have at `now`, from its status and deadlines alone.
 * Job ids carry the competition id and the deadline, so planning twice yields the same ids.
 */
export function planDeadlineJobs(c: Plannable, now: number): JobItem[] {
  const jobs: JobItem[] = [];
  const deadline = c.submissionDeadline.toISOString();
  const reviewDeadline = c.reviewDeadline.toISOString();
  if (c.status === 'open') {
    // The close job is always planned, even when late: it is what closes the competition.
    jobs.push({ name: JobName.CloseSubmission, data: { competitionId: c.id, deadline } });
    for (const daysBefore of APPLICANT_REMINDER_DAYS) {
      const runAt = reminderRunAt(c.submissionDeadline, daysBefore, c.timezone);
      if (stillDue(runAt.getTime(), now) && runAt < c.submissionDeadline) {
        jobs.push({
          name: JobName.DeadlineReminder,
          data: { competitionId: c.id, deadline, daysBefore, runAt: runAt.toISOString() },
        });
      }
    }
  }
  if (c.status === 'open' || c.status === 'review') {
    for (const daysBefore of EXPERT_REMINDER_DAYS) {
      const runAt = reminderRunAt(c.reviewDeadline, daysBefore, c.timezone);
      // A review reminder before submission has closed would have nothing to remind about.
      if (stillDue(runAt.getTime(), now) && runAt > c.submissionDeadline) {
        jobs.push({
          name: JobName.ReviewReminder,
          data: { competitionId: c.id, reviewDeadline, daysBefore, runAt: runAt.toISOString() },
        });
      }
    }
    if (stillDue(c.reviewDeadline.getTime(), now)) {
      jobs.push({ name: JobName.ReviewOverdue, data: { competitionId: c.id, reviewDeadline } });
    }
  }
  return jobs;
}

/** The id BullMQ gets for a planned job (decided by getJobOptions, like every other option). */
export const deadlineJobId = (job: JobItem) => String(getJobOptions(job).jobId);

/**
 * Keeps a competition's BullMQ delayed jobs (submission close, reminders, review reminders,
 * overdue report) in line with its current status and deadlines.
 */
@Injectable()
export class DeadlineScheduler {
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * (Re)schedules or removes the competition's jobs from its current state in the database.
   * Idempotent; never throws when Redis is down (reconciliation catches up).
   */
  async scheduleCompetition(competitionId: string): Promise<void> {
    await this.scheduleCompetitions([competitionId]);
  }

  /** The same for many competitions (reconciliation), reading the queue's pending job ids once. */
  async scheduleCompetitions(competitionIds: string[]): Promise<void> {
    if (!competitionIds.length) return;
    try {
      await withinTimeout(this.sync(competitionIds), REDIS_TIMEOUT_MS + competitionIds.length * 50);
    } catch (error) {
      const which =
        competitionIds.length === 1 ? `competition ${competitionIds[0]}` : `${competitionIds.length} competitions`;
      this.logger.warn(`Deadline jobs of ${which} not scheduled (reconciliation will retry): ${error.message}`);
    }
  }

  private async sync(competitionIds: string[]): Promise<void> {
    const competitions = await this.dataSource.getRepository(Competition).findBy({ id: In(competitionIds) });
    const now = Date.now();
    const wanted = competitions.flatMap((c) => planDeadlineJobs(c, now));
    const wantedIds = new Set(wanted.map(deadlineJobId));

    // Jobs still waiting for these competitions but no longer wanted: an older deadline, or a status that
    // ended them (cancelled, results announced). Ids only, so this stays cheap with many competitions.
    const queue = this.jobs.queue(QueueName.Deadlines);
    const pendingIds = await queue.getRanges(['delayed', 'wait', 'prioritized'], 0, -1, true);
    const ours = competitionIds.map((id) => `_${id}_`);
    const stale = pendingIds.filter((id) => ours.some((key) => id.includes(key)) && !wantedIds.has(id));
    for (const id of stale) await queue.remove(id);

    // Adding a job whose id exists (delayed, or completed and kept) is a no-op in BullMQ.
    for (const job of wanted) await this.jobs.enqueue(job);
    if (stale.length) this.logger.log(`Removed ${stale.length} stale deadline job(s): ${stale.join(', ')}`);
  }
}
