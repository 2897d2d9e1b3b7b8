import { Processor } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CompiledSnapshot, StatisticsJobs, StatisticsService } from '@grants/domain';
import { JobData, JobName, QueueName, withinTimeout } from '@grants/queue';
import { DrainingWorkerHost } from '../draining-worker-host';

/** How long worker start waits for Redis to take the yearly scheduler, and how often it is checked. */
const SCHEDULER_START_TIMEOUT_MS = 5000;
const SCHEDULER_CHECK_MS = 15 * 60 * 1000;
/** How often years announced after their newest snapshot are looked for. */
const STALE_CHECK_MS = 60 * 1000;

/** The statistics queue: compiles on demand, after announcements, and yearly for the previous year. */
@Processor(QueueName.Statistics)
export class StatisticsProcessor extends DrainingWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  /** The jobs this processor handles; checked against every JobName at worker start. */
  static readonly queue = QueueName.Statistics;
  static readonly jobs: readonly JobName[] = [JobName.CompileStatistics, JobName.YearlyStatistics];

  private readonly logger = new Logger(StatisticsProcessor.name);
  private timer?: NodeJS.Timeout;
  private catchUp?: NodeJS.Timeout;

  constructor(
    private readonly statistics: StatisticsService,
    private readonly jobs: StatisticsJobs,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    await this.ensureScheduler(SCHEDULER_START_TIMEOUT_MS);
    // The scheduler lives in Redis and goes if Redis loses its data; re-upserting is idempotent.
    this.timer = setInterval(() => void this.ensureScheduler(SCHEDULER_CHECK_MS), SCHEDULER_CHECK_MS);
    this.timer.unref();
    void this.recompileStaleYears();
    this.catchUp = setInterval(() => void this.recompileStaleYears(), STALE_CHECK_MS);
    this.catchUp.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
    clearInterval(this.catchUp);
  }

  /** Re-queues the compile of any year announced after its newest snapshot (deduplicated per year). */
  private async recompileStaleYears() {
    try {
      for (const year of await this.statistics.staleYears()) {
        await this.jobs.requestCompile(year, 'announcement');
        this.logger.log(`Re-queued the statistics compile of ${year}: announced after its newest snapshot`);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not check for years to recompile; will retry');
    }
  }

  /** Never blocks worker start on a Redis outage: the interval tries again. */
  private async ensureScheduler(timeoutMs: number) {
    try {
      await withinTimeout(this.jobs.scheduleYearly(), timeoutMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not register the yearly statistics scheduler; will retry');
    }
  }

  async process(job: Job): Promise<CompiledSnapshot> {
    switch (job.name) {
      case JobName.CompileStatistics: {
        const data = job.data as JobData<JobName.CompileStatistics>;
        // Deduplicate only while waiting: this compile may have read the data before the next
        // announcement committed, so that announcement must be able to queue another one.
        await job.removeDeduplicationKey();
        return this.compile(data.year, job);
      }
      case JobName.YearlyStatistics:
        // The scheduled moment, not the processing one, decides the year (a late run stays right).
        return this.compile(this.jobs.previousYearAt(job.timestamp + (job.delay ?? 0)), job);
      default:
        throw new UnrecoverableError(`Unknown statistics job ${job.name}`);
    }
  }

  private async compile(year: number, job: Job): Promise<CompiledSnapshot> {
    const result = await this.statistics.compile(year, String(job.id), new Date(job.timestamp));
    this.logger.log(`Compiled statistics of ${year} (${job.name}, job ${job.id}) into ${result.snapshotId}`);
    return result;
  }
}
