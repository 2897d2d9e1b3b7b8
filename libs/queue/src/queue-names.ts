/** Every BullMQ queue of the product. */
export enum QueueName {
  Notifications = 'notifications',
  Outbox = 'outbox',
  Deadlines = 'deadlines',
  Statistics = 'statistics',
}

/** Every job the product runs, named `<context>.<action>`. */
export enum JobName {
  SendNotification = 'notification.send',
  RelayOutbox = 'outbox.relay',
  CloseSubmission = 'competition.close',
  DeadlineReminder = 'deadline.reminder',
  ReviewReminder = 'review.reminder',
  ReviewOverdue = 'review.overdue',
  ReportReminder = 'report.reminder',
  ReportOverdue = 'report.overdue',
  ReconcileDeadlines = 'deadlines.reconcile',
  CompileStatistics = 'statistics.compile',
  YearlyStatistics = 'statistics.yearly',
}

/** Ids only: a handler reloads state from the database. */
export type JobItem =
  | { name: JobName.SendNotification; data: { notificationId: string } }
  | { name: JobName.RelayOutbox; data: Record<string, never> }
  | { name: JobName.CloseSubmission; data: { competitionId: string; deadline: string } }
  // runAt: when the reminder is due (10:00 local in the competition's zone), computed by the deadlines context.
  | {
      name: JobName.DeadlineReminder;
      data: { competitionId: string; deadline: string; daysBefore: number; runAt: string };
    }
  | {
      name: JobName.ReviewReminder;
      data: { competitionId: string; reviewDeadline: string; daysBefore: number; runAt: string };
    }
  | { name: JobName.ReviewOverdue; data: { competitionId: string; reviewDeadline: string } }
  // A grant report's reminder (10:00 local, daysBefore its due date) and overdue report (24:00 local of the due date).
  | { name: JobName.ReportReminder; data: { reportId: string; dueDate: string; daysBefore: number; runAt: string } }
  | { name: JobName.ReportOverdue; data: { reportId: string; dueDate: string; runAt: string } }
  | { name: JobName.ReconcileDeadlines; data: Record<string, never> }
  | { name: JobName.CompileStatistics; data: { year: number; trigger: 'manual' | 'announcement' | 'yearly' } }
  | { name: JobName.YearlyStatistics; data: Record<string, never> };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];

/** Which queue carries which job. */
export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SendNotification]: QueueName.Notifications,
  [JobName.RelayOutbox]: QueueName.Outbox,
  [JobName.CloseSubmission]: QueueName.Deadlines,
  [JobName.DeadlineReminder]: QueueName.Deadlines,
  [JobName.ReviewReminder]: QueueName.Deadlines,
  [JobName.ReviewOverdue]: QueueName.Deadlines,
  [JobName.ReportReminder]: QueueName.Deadlines,
  [JobName.ReportOverdue]: QueueName.Deadlines,
  [JobName.ReconcileDeadlines]: QueueName.Deadlines,
  [JobName.CompileStatistics]: QueueName.Statistics,
  [JobName.YearlyStatistics]: QueueName.Statistics,
};
