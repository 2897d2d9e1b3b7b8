import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { getJobOptions } from './job-options';
import { JOB_QUEUE, JobItem, QueueName } from './queue-names';

/** Typed enqueue: the job name picks the queue, the payload type and the options. */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Outbox) outbox: Queue,
    @InjectQueue(QueueName.Deadlines) deadlines: Queue,
    @InjectQueue(QueueName.Statistics) statistics: Queue,
  ) {
    this.queues = {
      [QueueName.Notifications]: notifications,
      [QueueName.Outbox]: outbox,
      [QueueName.Deadlines]: deadlines,
      [QueueName.Statistics]: statistics,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue(job: JobItem, overrides: Partial<ReturnType<typeof getJobOptions>> = {}): Promise<Job> {
    return this.queues[JOB_QUEUE[job.name]].add(job.name, job.data, { ...getJobOptions(job), ...overrides });
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }
}
