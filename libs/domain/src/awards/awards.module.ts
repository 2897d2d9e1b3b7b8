import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GrantsModule } from '../grants/grants.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { AwardsService } from './awards.service';
import { CompetitionOverviewService } from './competition-overview.service';
import { RankingRepository } from './ranking.repository';

/** Ranking, award proposal, announcement and public results. JobQueue comes from the global QueueModule. */
@Module({
  imports: [NotificationsOutboxModule, AuditModule, GrantsModule],
  providers: [AwardsService, RankingRepository, CompetitionOverviewService],
  exports: [AwardsService, RankingRepository, CompetitionOverviewService],
})
export class AwardsModule {}
