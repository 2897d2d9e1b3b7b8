import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { AssignmentService } from './assignment.service';
import { ExpertStatisticsService } from './expert-statistics.service';
import { ReviewsService } from './reviews.service';

/** Expert review: assignment, the review lifecycle, conflicts of interest, expert statistics. */
@Module({
  imports: [NotificationsOutboxModule, AuditModule],
  providers: [ReviewsService, AssignmentService, ExpertStatisticsService],
  exports: [ReviewsService, AssignmentService, ExpertStatisticsService],
})
export class ReviewsModule {}
