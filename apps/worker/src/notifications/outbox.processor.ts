import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { OutboxRelay } from '@grants/domain';
import { JobName, QueueName } from '@grants/queue';
import { DrainingWorkerHost } from '../draining-worker-host';

/** The outbox queue: the periodic sweep relays what the LISTEN wake-up missed and re-queues lost jobs. */
@Processor(QueueName.Outbox)
export class OutboxProcessor extends DrainingWorkerHost {
  /** The jobs this processor handles; checked against every JobName at worker start. */
  static readonly queue = QueueName.Outbox;
  static readonly jobs: readonly JobName[] = [JobName.RelayOutbox];

  private readonly logger = new Logger(OutboxProcessor.name);

  constructor(private readonly relay: OutboxRelay) {
    super();
  }

  async process(job: Job): Promise<{ relayed: number; requeued: number }> {
    if (job.name !== JobName.RelayOutbox) {
      throw new UnrecoverableError(`No handler for job ${job.name} on the ${QueueName.Outbox} queue`);
    }
    const relayed = await this.relay.trigger();
    const requeued = await this.relay.requeueStuck();
    return { relayed, requeued };
  }

  /** Redis outages surface here; BullMQ reconnects by itself, so they are logged, not thrown. */
}
