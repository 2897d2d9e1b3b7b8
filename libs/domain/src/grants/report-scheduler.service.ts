import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { getJobOptions, JobItem, JobName, JobQueue, withinTimeout } from '@grants/queue';
import { stillDue } from '../deadlines/deadline-times';
import { REPORT_REMINDER_DAYS, reportOverdueAt, reportReminderAt } from './report-times';

/** Redis calls of a schedule give up after this; the caller (an HTTP request) must not hang on a dead Redis. */
const REDIS_TIMEOUT_MS = 3000;

export interface PlannableReport {
  id: string;
  dueDate: string;
  timezone: string;
}

/**
 * The delayed jobs a report still to be submitted should have at `now`: reminders 7 and 1 days before
 * its due date at 10:00 local, and the overdue report at 24:00 local of the due date. Jobs whose time
 * passed more than a short grace ago are skipped. Same report, same ids: planning twice is a no-op.
 */
export function planReportJobs(r: PlannableReport, now: number): JobItem[] {
  const jobs: JobItem[] = [];
  const overdueAt = reportOverdueAt(r.dueDate, r.timezone);
  for (const daysBefore of REPORT_REMINDER_DAYS) {
    const runAt = reportReminderAt(r.dueDate, daysBefore, r.timezone);
    if (stillDue(runAt.getTime(), now))
      jobs.push({
        name: JobName.ReportReminder,
        data: { reportId: r.id, dueDate: r.dueDate, daysBefore, runAt: runAt.toISOString() },
      });
  }
  if (stillDue(overdueAt.getTime(), now))
    jobs.push({
      name: JobName.ReportOverdue,
      data: { reportId: r.id, dueDate: r.dueDate, runAt: overdueAt.toISOString() },
    });
  return jobs;
}

export const reportJobId = (job: JobItem) => String(getJobOptions(job).jobId);

/**
 * Plans the report jobs of active grants. The database is the truth: a report submitted meanwhile, or a
 * grant ended, makes its jobs send nothing when they run, so nothing has to be removed; reconciliation
 * calls `scheduleOpenReports` and so re-plans whatever Redis lost.
 */
@Injectable()
export class ReportScheduler {
  private readonly logger = new Logger(ReportScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  /** The clock report jobs plan and check by (shifted only in tests, see REPORT_CLOCK_SHIFT_MS). */
  now(): number {
    return Date.now() + this.config.values.REPORT_CLOCK_SHIFT_MS;
  }

  /** After the agreement: the jobs of the grants' reports. Never throws (reconciliation catches up). */
  async scheduleGrants(grantIds: string[]): Promise<number> {
    return this.schedule(`r.grant_id = ANY($1::uuid[])`, [grantIds], `grant(s) ${grantIds.join(', ')}`);
  }

  /** Reconciliation: the jobs of every report of an active grant that is still to be submitted and not long overdue. */
  async scheduleOpenReports(): Promise<number> {
    return this.schedule(
      `r.due_date >= (now() + make_interval(secs => $1))::date - 2`,
      [this.config.values.REPORT_CLOCK_SHIFT_MS / 1000],
      'open reports',
    );
  }

  private async schedule(filter: string, params: unknown[], what: string): Promise<number> {
    try {
      const reports: PlannableReport[] = await this.dataSource.query(
        `SELECT r.id, r.due_date::text AS "dueDate", c.timezone
         FROM grant_reports r JOIN grants g ON g.id = r.grant_id JOIN competitions c ON c.id = g.competition_id
         WHERE g.status = 'active' AND r.status IN ('pending', 'draft') AND ${filter}`,
        params,
      );
      const now = this.now();
      const wanted = reports.flatMap((r) => planReportJobs(r, now));
      await withinTimeout(
        (async () => {
          for (const job of wanted) await this.jobs.enqueue(job, {}, now);
        })(),
        REDIS_TIMEOUT_MS + wanted.length * 20,
      );
      return wanted.length;
    } catch (error) {
      this.logger.warn(`Report jobs of ${what} not scheduled (reconciliation will retry): ${(error as Error).message}`);
      return 0;
    }
  }
}
