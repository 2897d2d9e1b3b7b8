import { Injectable, OnModuleInit } from '@nestjs/common';
import { assertEveryJobHandled } from '@grants/queue';
import { DeadlinesProcessor } from './deadlines/deadlines.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { OutboxProcessor } from './notifications/outbox.processor';
import { StatisticsProcessor } from './statistics/statistics.processor';

/** One processor class per queue. */
export const PROCESSORS = [NotificationsProcessor, OutboxProcessor, DeadlinesProcessor, StatisticsProcessor];

/** Refuses to start a worker in which some job name has no handler, or two. */
@Injectable()
export class JobHandlersCheck implements OnModuleInit {
  onModuleInit() {
    assertEveryJobHandled(PROCESSORS.map((p) => ({ name: p.name, queue: p.queue, jobs: p.jobs })));
  }
}
