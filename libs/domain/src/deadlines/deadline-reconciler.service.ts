import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { ReportScheduler } from '../grants/report-scheduler.service';
import { DeadlineScheduler } from './deadline-scheduler.service';
import { LATE_JOB_GRACE_MS } from './deadline-times';
import { SubmissionCloser } from './submission-closer.service';

export interface ReconcileResult {
  closed: number;
  scheduled: number;
  /** Grant report jobs (re-)planned. */
  reportJobs: number;
}

/**
 * The database is the truth about deadlines; Redis (kept in memory only) may lose the delayed jobs.
 * Reconciliation closes what should be closed by now and re-plans the jobs of every live competition,
 * so a deadline still fires after Redis lost its keys or while the worker was down.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly logger = new Logger(DeadlineReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closer: SubmissionCloser,
    private readonly scheduler: DeadlineScheduler,
    private readonly config: AppConfig,
    private readonly reports: ReportScheduler,
  ) {}

  async reconcile(): Promise<ReconcileResult> {
    const overdue = (await this.dataSource.query(
      `SELECT id, submission_deadline FROM competitions
       WHERE status = 'open' AND least(submission_deadline, submission_cutoff_at) + make_interval(secs => $1) <= now()
       ORDER BY submission_deadline`,
      [this.config.values.SUBMIT_GRACE_MS / 1000],
    )) as { id: string; submission_deadline: Date }[];
    let closed = 0;
    for (const c of overdue) {
      // The deadline read here is passed on, so a deadline extended meanwhile is not closed early.
      const result = await this.closer.close(c.id, { actor: 'system', expectedDeadline: c.submission_deadline });
      if (result.closed) closed++;
    }

    // Open and in-review competitions whose jobs may still matter; scheduling is idempotent by job id.
    const live = (await this.dataSource.query(
      `SELECT id FROM competitions
       WHERE status IN ('open', 'review') AND review_deadline > now() - make_interval(secs => $1)`,
      [LATE_JOB_GRACE_MS / 1000],
    )) as { id: string }[];
    await this.scheduler.scheduleCompetitions(live.map((c) => c.id));
    // The reminders and overdue reports of grant reports live in Redis too.
    const reportJobs = await this.reports.scheduleOpenReports();

    if (closed) this.logger.warn(`Reconciliation closed ${closed} competition(s) whose deadline had passed`);
    return { closed, scheduled: live.length, reportJobs };
  }
}
