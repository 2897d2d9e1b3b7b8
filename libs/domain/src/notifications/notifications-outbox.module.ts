import { Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';

/** The write side of the outbox, for every context that causes notifications. */
@Module({
  providers: [OutboxService],
  exports: [OutboxService],
})
export class NotificationsOutboxModule {}
