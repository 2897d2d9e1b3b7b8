import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [NotificationsOutboxModule, AuditModule],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
