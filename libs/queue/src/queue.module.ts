import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '@grants/config';
import { QueueName } from './queue-names';
import { JobQueue } from './job-queue';

const queues = Object.values(QueueName).map((name) => ({ name }));

/** BullMQ connection from REDIS_URL and prefix from QUEUE_PREFIX; registers every queue. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { url: config.values.REDIS_URL, maxRetriesPerRequest: null },
            prefix: config.values.QUEUE_PREFIX,
          }),
        }),
        BullModule.registerQueue(...queues),
      ],
      providers: [JobQueue],
      exports: [BullModule, JobQueue],
    };
  }
}
