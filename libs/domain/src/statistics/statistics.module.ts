import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { StatisticsJobs } from './statistics.jobs';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';
import { StatisticsPublicationService } from './statistics-publication.service';

/** Annual statistics: compile (worker), snapshots, exports and report (api). */
@Module({
  imports: [NotificationsOutboxModule, AuditModule],
  providers: [StatisticsRepository, StatisticsService, StatisticsJobs, StatisticsPublicationService],
  exports: [StatisticsService, StatisticsJobs, StatisticsPublicationService],
})
export class StatisticsModule {}
