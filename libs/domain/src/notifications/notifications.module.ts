import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Notification } from './notification.entity';
import { NotificationDelivery } from './notification-delivery.service';
import { NotificationsService } from './notifications.service';
import { OutboxRelay } from './outbox-relay.service';

/** Reading, retrying, relaying and delivering outbox rows (writing them is NotificationsOutboxModule). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), AuditModule],
  providers: [NotificationsService, OutboxRelay, NotificationDelivery],
  exports: [NotificationsService, OutboxRelay, NotificationDelivery],
})
export class NotificationsModule {}
