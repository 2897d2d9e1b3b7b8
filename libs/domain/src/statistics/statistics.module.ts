import { Module } from '@nestjs/common';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { StatisticsJobs } from './statistics.jobs';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

/** Annual statistics: compile (worker), snapshots, exports and report (api). */
@Module({
  imports: [NotificationsOutboxModule],
  providers: [StatisticsRepository, StatisticsService, StatisticsJobs],
  exports: [StatisticsService, StatisticsJobs],
})
export class StatisticsModule {}
