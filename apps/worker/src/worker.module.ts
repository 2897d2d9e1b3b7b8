import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@grants/config';
import { DatabaseModule } from '@grants/database';
import { DeadlinesModule, GrantsModule, NotificationsModule, StatisticsModule } from '@grants/domain';
import { MailModule } from '@grants/mail';
import { QueueModule, RedisModule } from '@grants/queue';
import { DeadlineReconcileScheduler } from './deadlines/deadline-reconcile.scheduler';
import { RedisPolicyCheck } from './redis-policy.check';
import { WorkerHealth } from './worker-health';
import { OutboxListener } from './notifications/outbox-listener';
import { JobHandlersCheck, PROCESSORS } from './processors';

/** The worker: BullMQ processors, one class per queue, and a health endpoint. No other HTTP. */
@Module({})
export class WorkerModule {
  static register(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (c: AppConfig) => ({
            pinoHttp: {
              level: c.values.NODE_ENV === 'test' ? 'silent' : c.values.LOG_LEVEL,
              customProps: () => ({ app: 'worker' }),
            },
          }),
        }),
        DatabaseModule,
        RedisModule,
        QueueModule.forRoot(),
        StatisticsModule,
        DeadlinesModule,
        GrantsModule,
        NotificationsModule,
        MailModule,
      ],
      providers: [
        ...PROCESSORS,
        JobHandlersCheck,
        OutboxListener,
        DeadlineReconcileScheduler,
        WorkerHealth,
        RedisPolicyCheck,
      ],
    };
  }
}
