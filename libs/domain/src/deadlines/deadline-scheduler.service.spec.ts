import { JobName } from '@grants/queue';
import { deadlineJobId, planDeadlineJobs } from './deadline-scheduler.service';

const DAY = 86_400_000;
// 17 October 2026, 23:30 in Krasnoyarsk.
const deadline = new Date('2026-10-17T16:30:00Z');
const reviewDeadline = new Date('2026-11-20T16:30:00Z');
const competition = (status: 'open' | 'review' | 'cancelled' | 'results_announced') => ({
  id: '7f1c2d3e-0000-4000-8000-000000000001',
  status,
  timezone: 'Asia/Krasnoyarsk',
  submissionDeadline: deadline,
  reviewDeadline,
});
const names = (now: number, status: Parameters<typeof competition>[0] = 'open') =>
  planDeadlineJobs(competition(status), now).map(
    (j) => `${j.name}${'daysBefore' in j.data ? `:${j.data.daysBefore}` : ''}`,
  );

describe('planDeadlineJobs', () => {
  it('plans the close, three applicant reminders, two expert reminders and the overdue report for an open competition', () => {
    expect(names(deadline.getTime() - 30 * DAY)).toEqual([
      JobName.CloseSubmission,
      `${JobName.DeadlineReminder}:7`,
      `${JobName.DeadlineReminder}:3`,
      `${JobName.DeadlineReminder}:1`,
      `${JobName.ReviewReminder}:2`,
      `${JobName.ReviewReminder}:1`,
      JobName.ReviewOverdue,
    ]);
  });

  it('skips reminders already past (beyond a short grace) but always keeps the close while open', () => {
    expect(names(deadline.getTime() - 2 * DAY)).toEqual([
      JobName.CloseSubmission,
      `${JobName.DeadlineReminder}:1`,
      `${JobName.ReviewReminder}:2`,
      `${JobName.ReviewReminder}:1`,
      JobName.ReviewOverdue,
    ]);
    expect(names(deadline.getTime() + DAY)).toContain(JobName.CloseSubmission);
  });

  it('keeps only review jobs in review and nothing once cancelled or announced', () => {
    expect(names(deadline.getTime() + DAY, 'review')).toEqual([
      `${JobName.ReviewReminder}:2`,
      `${JobName.ReviewReminder}:1`,
      JobName.ReviewOverdue,
    ]);
    expect(names(deadline.getTime() - 30 * DAY, 'cancelled')).toEqual([]);
    expect(names(deadline.getTime() + 40 * DAY, 'results_announced')).toEqual([]);
  });

  it('gives the same job ids when planned twice and new ids when the deadline moves', () => {
    const now = deadline.getTime() - 30 * DAY;
    const ids = planDeadlineJobs(competition('open'), now).map(deadlineJobId);
    expect(planDeadlineJobs(competition('open'), now + 1000).map(deadlineJobId)).toEqual(ids);
    const extended = { ...competition('open'), submissionDeadline: new Date(deadline.getTime() + DAY) };
    const moved = planDeadlineJobs(extended, now).map(deadlineJobId);
    expect(moved.filter((id) => id.startsWith('close'))).not.toEqual(ids.filter((id) => id.startsWith('close')));
    expect(ids.every((id) => !id.includes(':'))).toBe(true);
  });
});
