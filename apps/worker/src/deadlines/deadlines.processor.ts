import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { DeadlineReconciler, DeadlineReminders, DomainError, ReportReminders, SubmissionCloser } from '@grants/domain';
import { JobData, JobName, QueueName } from '@grants/queue';
import { DrainingWorkerHost } from '../draining-worker-host';

/** The deadlines queue: submission close, reminders, the overdue report and reconciliation. */
@Processor(QueueName.Deadlines)
export class DeadlinesProcessor extends DrainingWorkerHost {
  /** The jobs this processor handles; checked against every JobName at worker start. */
  static readonly queue = QueueName.Deadlines;
  static readonly jobs: readonly JobName[] = [
    JobName.CloseSubmission,
    JobName.DeadlineReminder,
    JobName.ReviewReminder,
    JobName.ReviewOverdue,
    JobName.ReportReminder,
    JobName.ReportOverdue,
    JobName.ReconcileDeadlines,
  ];

  private readonly logger = new Logger(DeadlinesProcessor.name);

  constructor(
    private readonly closer: SubmissionCloser,
    private readonly reminders: DeadlineReminders,
    private readonly reconciler: DeadlineReconciler,
    private readonly reports: ReportReminders,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    try {
      return await this.handle(job);
    } catch (error) {
      // A missing competition will not appear on retry; anything else (database down) is retried.
      if (error instanceof DomainError) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error) {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
    // A failed close is not lost: reconciliation closes the competition on its next run.
    this.logger[final ? 'error' : 'warn'](
      `Deadline job ${job?.id} (${job?.name}) failed${final ? ' for good' : ''}: ${error.message}`,
    );
  }

  private async handle(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.CloseSubmission: {
        const data = job.data as JobData<JobName.CloseSubmission>;
        const result = await this.closer.close(data.competitionId, {
          actor: 'system',
          expectedDeadline: new Date(data.deadline),
        });
        // Fired before the database clock reached the deadline: retry (backoff) rather than lose the close.
        if (result.skipped === 'too_early') throw new Error('Deadline not reached yet by the database clock');
        // Submits received in time are still committing: retry (backoff) once the rush has drained.
        if (result.skipped === 'draining') throw new Error('Submissions received in time are still being taken');
        if (result.skipped) this.logger.log(`Close job ${job.id} skipped: ${result.skipped}`);
        return result;
      }
      case JobName.DeadlineReminder:
        return this.reminders.remindApplicants(job.data as JobData<JobName.DeadlineReminder>);
      case JobName.ReviewReminder:
        return this.reminders.remindExperts(job.data as JobData<JobName.ReviewReminder>);
      case JobName.ReviewOverdue:
        return this.reminders.reportOverdueReviews(job.data as JobData<JobName.ReviewOverdue>);
      case JobName.ReportReminder:
        return this.reports.remind(job.data as JobData<JobName.ReportReminder>);
      case JobName.ReportOverdue: {
        const result = await this.reports.reportOverdue(job.data as JobData<JobName.ReportOverdue>);
        // Fired before the end of the due date: retry (backoff) rather than lose or advance the report.
        if (result.early) throw new Error('The due date has not ended yet');
        return result;
      }
      case JobName.ReconcileDeadlines:
        return this.reconciler.reconcile();
      default:
        throw new UnrecoverableError(`No handler for job ${job.name} on the ${QueueName.Deadlines} queue`);
    }
  }
}
