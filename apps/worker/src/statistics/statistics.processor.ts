import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CompiledSnapshot, StatisticsJobs, StatisticsService } from '@grants/domain';
import { JobData, JobName, QueueName } from '@grants/queue';

/** The statistics queue: compiles on demand, after announcements, and yearly for the previous year. */
@Processor(QueueName.Statistics)
export class StatisticsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(StatisticsProcessor.name);

  constructor(
    private readonly statistics: StatisticsService,
    private readonly jobs: StatisticsJobs,
  ) {
    super();
  }

  async onApplicationBootstrap() {
    await this.jobs.scheduleYearly();
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
