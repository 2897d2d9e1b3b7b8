import { JobsOptions } from 'bullmq';
import { JobItem, JobName } from './queue-names';

const keep = { removeOnComplete: { count: 1000, age: 24 * 3600 }, removeOnFail: { count: 5000 } };

export const NOTIFICATION_ATTEMPTS = 6;

/** Config-driven knobs (from AppConfig) that callers pass in; getJobOptions itself reads no config. */
export interface JobTuning {
  notificationBackoffMs?: number;
  /** The close runs this long after the deadline, for submits received in time but still queued. */
  submitGraceMs?: number;
}

/** Every job option (id, delay, attempts, backoff, removal) is decided here and nowhere else. */
export function getJobOptions(job: JobItem, now: number = Date.now(), tuning: JobTuning = {}): JobsOptions {
  switch (job.name) {
    case JobName.SendNotification:
      // The outbox row id is the job id, so a relayed row is queued at most once while it lives.
      return {
        ...keep,
        jobId: job.data.notificationId,
        attempts: NOTIFICATION_ATTEMPTS,
        backoff: { type: 'exponential', delay: tuning.notificationBackoffMs ?? 2000 },
      };
    case JobName.RelayOutbox:
      return { removeOnComplete: true, removeOnFail: 100, attempts: 1 };
    // Deadline job ids hold the competition and the deadline: re-planning is a no-op, an extension a new id.
    // No ':' in them: BullMQ rejects custom ids with ':' unless they have exactly three parts.
    case JobName.CloseSubmission: {
      const at = Date.parse(job.data.deadline);
      return {
        ...keep,
        jobId: `close_${job.data.competitionId}_${at}`,
        delay: Math.max(0, at + (tuning.submitGraceMs ?? 0) - now),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
      };
    }
    case JobName.DeadlineReminder:
    case JobName.ReviewReminder:
    case JobName.ReviewOverdue: {
      const deadline = 'deadline' in job.data ? job.data.deadline : job.data.reviewDeadline;
      const days = 'daysBefore' in job.data ? job.data.daysBefore : 0;
      // Reminders run at their runAt; the overdue report at the review deadline itself.
      const runAt = Date.parse('runAt' in job.data ? job.data.runAt : deadline);
      return {
        ...keep,
        jobId: `${job.name}_${job.data.competitionId}_${Date.parse(deadline)}_${days}`,
        delay: Math.max(0, runAt - now),
        attempts: 5,
        backoff: { type: 'exponential', delay: 5000 },
      };
    }
    // One id per report, due date and kind: re-planning (reconciliation) is a no-op.
    case JobName.ReportReminder:
    case JobName.ReportOverdue: {
      const days = job.name === JobName.ReportReminder ? job.data.daysBefore : 0;
      return {
        ...keep,
        jobId: `${job.name}_${job.data.reportId}_${job.data.dueDate}_${days}`,
        delay: Math.max(0, Date.parse(job.data.runAt) - now),
        attempts: 5,
        backoff: { type: 'exponential', delay: 5000 },
      };
    }
    case JobName.ReconcileDeadlines:
      return { removeOnComplete: true, removeOnFail: 100, attempts: 1 };
    case JobName.CompileStatistics:
      return {
        ...keep,
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        // Announcements of one year coalesce while a compile waits; the processor drops the key when
        // it starts, so an announcement during a running compile still queues a fresh one.
        ...(job.data.trigger === 'announcement'
          ? { deduplication: { id: `statistics.compile:${job.data.year}:announcement` } }
          : {}),
      };
    case JobName.YearlyStatistics:
      return { removeOnComplete: 10, removeOnFail: 100, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } };
  }
}
