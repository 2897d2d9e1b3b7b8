import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@grants/config';
import { getJobOptions, JobTuning } from './job-options';
import { JOB_QUEUE, JobItem, QueueName } from './queue-names';

/** Typed enqueue: the job name picks the queue, the payload type and the options. */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues: Record<QueueName, Queue>;
  private lastErrorLog = 0;
  private readonly tuning: JobTuning;

  constructor(
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Outbox) outbox: Queue,
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
    @InjectQueue(QueueName.Statistics) statistics: Queue,
    config: AppConfig,
  ) {
    this.tuning = {
      notificationBackoffMs: config.values.NOTIFICATION_BACKOFF_MS,
      submitGraceMs: config.values.SUBMIT_GRACE_MS,
    };
    this.queues = {
      [QueueName.Notifications]: notifications,
      [QueueName.Outbox]: outbox,
      [QueueName.Deadlines]: deadlines,
      [QueueName.Statistics]: statistics,
    };
    // A queue without an error listener prints every failed reconnect; Redis being away is expected
    // (the outbox and reconciliation cover it), so it is logged as a warning at most every 10 s.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error: Error) => {
        if (Date.now() - this.lastErrorLog < 10_000) return;
        this.lastErrorLog = Date.now();
        this.logger.warn(`Redis unavailable for the ${queue.name} queue: ${error.message}`);
      });
    }
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** `now` is the instant delays count from (the report jobs plan on a clock that tests may shift). */
  async enqueue(
    job: JobItem,
    overrides: Partial<ReturnType<typeof getJobOptions>> = {},
    now: number = Date.now(),
  ): Promise<Job> {
    return this.queues[JOB_QUEUE[job.name]].add(job.name, job.data, {
      ...getJobOptions(job, now, this.tuning),
      ...overrides,
    });
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
