import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { CompetitionsService } from './competitions.service';

@Module({
  imports: [NotificationsOutboxModule, AuditModule, DeadlinesModule],
  providers: [CompetitionsService],
  exports: [CompetitionsService],
})
export class CompetitionsModule {}
