import { Module } from '@nestjs/common';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { ConsultationsService } from './consultations.service';

@Module({
  imports: [NotificationsOutboxModule],
  providers: [ConsultationsService],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
