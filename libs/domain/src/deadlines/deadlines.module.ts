import { Module } from '@nestjs/common';
import { DeadlineScheduler } from './deadline-scheduler.service';
import { SubmissionCloser } from './submission-closer.service';

@Module({
  providers: [DeadlineScheduler, SubmissionCloser],
  exports: [DeadlineScheduler, SubmissionCloser],
})
export class DeadlinesModule {}
