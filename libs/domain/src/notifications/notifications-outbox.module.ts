import { Module } from '@nestjs/common';
import { OutboxService, OutboxWaker } from './outbox.service';

/** The write side of the outbox, for every context that causes notifications. */
@Module({
  providers: [OutboxWaker, OutboxService],
  exports: [OutboxWaker, OutboxService],
})
export class NotificationsOutboxModule {}
