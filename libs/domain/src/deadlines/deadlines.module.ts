import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { NotificationsOutboxModule } from '../notifications/notifications-outbox.module';
import { CompetitionCalendar } from './competition-calendar.service';
import { DeadlineReconciler } from './deadline-reconciler.service';
import { DeadlineReminders } from './deadline-reminders.service';
import { DeadlineScheduler } from './deadline-scheduler.service';
import { SubmissionCloser } from './submission-closer.service';

/** Deadlines: the delayed jobs of a competition, the submission close, reminders, reconciliation and the calendar. */
@Module({
  imports: [NotificationsOutboxModule, GrantsModule],
  providers: [DeadlineScheduler, SubmissionCloser, DeadlineReminders, DeadlineReconciler, CompetitionCalendar],
  exports: [DeadlineScheduler, SubmissionCloser, DeadlineReminders, DeadlineReconciler, CompetitionCalendar],
})
export class DeadlinesModule {}
