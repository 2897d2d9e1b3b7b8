import { Injectable } from '@nestjs/common';

/**
 * Keeps a competition's BullMQ delayed jobs (submission close, reminders, review reminders,
 * overdue report) in line with its current status and deadlines.
 */
@Injectable()
export class DeadlineScheduler {
  /**
   * (Re)schedules or removes the competition's jobs from its current state in the database.
   * Idempotent; never throws when Redis is down (reconciliation catches up).
   */
  async scheduleCompetition(_competitionId: string): Promise<void> {
    // Filled in by the deadlines capability.
  }
}
