import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GrantsModule } from '../grants/grants.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { AwardsService } from './awards.service';
import { RankingRepository } from './ranking.repository';

/** Ranking, award proposal, announcement and public results. JobQueue comes from the global QueueModule. */
@Module({
  imports: [NotificationsOutboxModule, AuditModule, GrantsModule],
  providers: [AwardsService, RankingRepository],
  exports: [AwardsService, RankingRepository],
})
export class AwardsModule {}
