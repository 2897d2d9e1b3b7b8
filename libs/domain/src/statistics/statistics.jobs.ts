import { Injectable } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { getJobOptions, JobName, JobQueue, QueueName } from '@grants/queue';
import { notFound, orUnavailable } from '../shared/domain-error';

export type StatisticsTrigger = 'manual' | 'announcement' | 'yearly';

export interface StatisticsJobView {
  jobId: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  name: string;
  year: number | null;
  trigger: StatisticsTrigger;
  attemptsMade: number;
  snapshotId?: string;
  failedReason?: string;
}

export const YEARLY_STATISTICS_SCHEDULER = 'statistics:yearly';

/** How long a request waits for Redis before answering 503. */
const REDIS_TIMEOUT_MS = 3000;

/** Enqueues compiles, reports their state and keeps the yearly scheduler in Redis. */
@Injectable()
export class StatisticsJobs {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async requestCompile(year: number, trigger: Exclude<StatisticsTrigger, 'yearly'>): Promise<{ jobId: string }> {
    const job = await orUnavailable(
      this.jobs.enqueue({ name: JobName.CompileStatistics, data: { year, trigger } }),
      REDIS_TIMEOUT_MS,
      'The job queue',
    );
    return { jobId: String(job.id) };
  }

  async state(jobId: string): Promise<StatisticsJobView> {
    const queue = this.jobs.queue(QueueName.Statistics);
    // The state first, the job after: read the other way round, a job finishing in between would be
    // "completed" with the return value of its active self (none).
    const raw = await orUnavailable(queue.getJobState(jobId), REDIS_TIMEOUT_MS, 'The job queue');
    if (raw === 'unknown') throw notFound(`Statistics job ${jobId}`);
    const job = await orUnavailable(queue.getJob(jobId), REDIS_TIMEOUT_MS, 'The job queue');
    if (!job) throw notFound(`Statistics job ${jobId}`);
    // Delayed (a retry's backoff), prioritized and waiting-children jobs have simply not run yet.
    const state = raw === 'active' || raw === 'completed' || raw === 'failed' ? raw : 'waiting';
    const data = job.data as { year?: number; trigger?: StatisticsTrigger };
    const result = job.returnvalue as { snapshotId?: string; year?: number } | null;
    return {
      jobId: String(job.id),
      state,
      name: job.name,
      year: data.year ?? result?.year ?? null,
      trigger: job.name === JobName.YearlyStatistics ? 'yearly' : (data.trigger ?? 'manual'),
      attemptsMade: job.attemptsMade,
      ...(state === 'completed' && result?.snapshotId ? { snapshotId: result.snapshotId } : {}),
      ...(state === 'failed' ? { failedReason: job.failedReason } : {}),
    };
  }

  /** Idempotent: upserting the same scheduler id replaces its pattern and zone instead of adding one. */
  async scheduleYearly(): Promise<void> {
    await this.jobs.queue(QueueName.Statistics).upsertJobScheduler(
      YEARLY_STATISTICS_SCHEDULER,
      { pattern: this.config.values.STATS_CRON, tz: this.config.values.STATS_TZ },
      {
        name: JobName.YearlyStatistics,
        data: {},
        opts: getJobOptions({ name: JobName.YearlyStatistics, data: {} }),
      },
    );
  }

  /** The year a yearly run is about: the year before the scheduled moment, in the scheduler's zone. */
  previousYearAt(instant: number): number {
    const year = new Intl.DateTimeFormat('en-US', { timeZone: this.config.values.STATS_TZ, year: 'numeric' }).format(
      instant,
    );
    return Number(year) - 1;
  }
}
