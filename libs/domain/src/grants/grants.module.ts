import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { GrantsService } from './grants.service';
import { ReportReminders } from './report-reminders.service';
import { ReportScheduler } from './report-scheduler.service';

/** Grants after the award: lifecycle, reports, their jobs and the public card. JobQueue comes from the global QueueModule. */
@Module({
  imports: [NotificationsOutboxModule, AuditModule],
  providers: [GrantsService, ReportScheduler, ReportReminders],
  exports: [GrantsService, ReportScheduler, ReportReminders],
})
export class GrantsModule {}
