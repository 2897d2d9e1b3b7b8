import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { getJobOptions, JobItem, JobName, JobQueue, QueueName } from '@grants/queue';

export const RECONCILE_SCHEDULER_ID = 'deadlines-reconcile';
const RECONCILE_JOB: JobItem = { name: JobName.ReconcileDeadlines, data: {} };

/**
 * Keeps the BullMQ job scheduler that runs deadline reconciliation every DEADLINE_RECONCILE_MS (one run
 * per interval however many workers). The scheduler itself lives in Redis and is lost with it, so the
 * worker checks for it on the same interval and puts it back. At start one run is queued at once: an
 * existing scheduler would otherwise wait for its next slot.
 */
@Injectable()
export class DeadlineReconcileScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineReconcileScheduler.name);
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap() {
    // Not awaited: with Redis down the call waits for the reconnect, and the worker must still start.
    void this.ensure(true);
    this.timer = setInterval(() => void this.ensure(false), this.config.values.DEADLINE_RECONCILE_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private async ensure(atStart: boolean) {
    if (this.checking) return;
    this.checking = true;
    const queue = this.jobs.queue(QueueName.Deadlines);
    try {
      if (!atStart && (await queue.getJobScheduler(RECONCILE_SCHEDULER_ID))) return;
      if (!atStart)
        this.logger.warn('Deadline reconciliation scheduler was missing (Redis lost its data?); restoring it');
      const { removeOnComplete, removeOnFail, attempts } = getJobOptions(RECONCILE_JOB);
      await queue.upsertJobScheduler(
        RECONCILE_SCHEDULER_ID,
        { every: this.config.values.DEADLINE_RECONCILE_MS },
        { name: RECONCILE_JOB.name, data: RECONCILE_JOB.data, opts: { removeOnComplete, removeOnFail, attempts } },
      );
      if (atStart) await this.jobs.enqueue(RECONCILE_JOB);
    } catch (error) {
      // Redis down: the next tick tries again; jobs cannot run without Redis anyway.
      this.logger.warn(`Could not ensure the deadline reconciliation scheduler: ${error.message}`);
    } finally {
      this.checking = false;
    }
  }
}
