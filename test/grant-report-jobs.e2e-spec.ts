import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { reportOverdueAt, reportReminderAt } from '@grants/domain';
import { JobName, JobQueue, QueueName } from '@grants/queue';
import {
  createTestContext,
  deleteQueueKeys,
  insertGrant,
  loginAdmin,
  pollUntil,
  registerNgo,
  Session,
  TestContext,
} from '@grants/testing';
import { createWorkerApp } from '@grants/worker/setup';

const ZONE = 'Asia/Krasnoyarsk';

/*
 * The report reminder (10:00 local, 7 days before the due date) and the overdue report (24:00 local of
 * the due date) are real BullMQ delayed jobs. The worker runs on a report clock shifted to a few seconds
 * before each instant (REPORT_CLOCK_SHIFT_MS), so the jobs are planned with a delay of seconds and fire
 * through the worker like they will in production days later.
 */
describe('Grant report jobs: the reminder and the overdue report fire once, also after Redis lost its keys', () => {
  let ctx: TestContext;
  let db: DataSource;
  let admin: Session;
  let ngo: Session;
  let queue: Queue;
  let worker: INestApplicationContext | undefined;
  let reportId: string;
  let dueDate: string;
  let grantId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { DEADLINE_RECONCILE_MS: '500' } });
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    ngo = await registerNgo(ctx.http);
    queue = ctx.api.get(JobQueue).queue(QueueName.Deadlines);
    ({ grantId } = await insertGrant(db, ngo, { dueInDays: [10, 40], timezone: ZONE }));
    [{ id: reportId, due_date: dueDate }] = await db.query(
      `SELECT id, due_date::text FROM grant_reports WHERE grant_id = $1 AND code = 'interim'`,
      [grantId],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  /** A worker whose report clock reads `instant - leadMs` now; the previous one stops and its jobs are dropped first. */
  const startWorker = async (instant: Date, leadMs: number) => {
    if (worker) {
      await worker.close();
      await deleteQueueKeys(ctx.config);
    }
    const shift = instant.getTime() - leadMs - Date.now();
    worker = await createWorkerApp(new AppConfig({ ...ctx.config.values, REPORT_CLOCK_SHIFT_MS: shift }));
    await worker.init();
  };
  const mails = (template: string) =>
    db.query(
      `SELECT user_id, payload FROM notifications WHERE template = $1 AND payload->>'reportCode' = 'interim'
              AND payload->>'grantId' = $2 ORDER BY created_at`,
      [template, grantId],
    ) as Promise<Array<{ user_id: string; payload: Record<string, any> }>>;
  const jobId = (kind: 'reminder' | 'overdue', days: number) => `report.${kind}_${reportId}_${dueDate}_${days}`;
  const delayedJob = (id: string) =>
    pollUntil(`job ${id} to be planned`, async () => {
      const job = await queue.getJob(id);
      return job && (await job.getState()) === 'delayed' ? job : undefined;
    });
  /** Runs a copy of a report job through the worker at once and returns its result. */
  const rerun = async (data: any, id: string, name = JobName.ReportReminder) => {
    await ctx.api.get(JobQueue).enqueue({ name, data } as never, { jobId: `${id}-${reportId}`, delay: 0 });
    return (await finished(`${id}-${reportId}`)).returnvalue;
  };
  const finished = (id: string) =>
    pollUntil(`job ${id} to finish`, async () => {
      const job = await Job.fromId(queue, id);
      return job && (await job.getState()) === 'completed' ? job : undefined;
    });

  it('plans the reminders at 10:00 and the overdue report at 24:00 in the competition zone', () => {
    expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const local = (d: Date) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: ZONE,
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
      }).format(d);
    const [y, m, d] = dueDate.split('-').map(Number);
    const before = (n: number) => new Date(Date.UTC(y, m - 1, d - n)).toISOString().slice(0, 10);
    expect(local(reportReminderAt(dueDate, 7, ZONE))).toBe(`${before(7)}, 10:00`);
    expect(local(reportReminderAt(dueDate, 1, ZONE))).toBe(`${before(1)}, 10:00`);
    expect(local(reportOverdueAt(dueDate, ZONE))).toBe(`${before(-1)}, 00:00`);
  });

  it('the 7-day reminder is a delayed job; after the keys are lost it is re-planned and sent once', async () => {
    const reminderAt = reportReminderAt(dueDate, 7, ZONE);
    await startWorker(reminderAt, 6000);
    const planned = await delayedJob(jobId('reminder', 7));
    expect(planned.opts.delay).toBeGreaterThan(1000);
    expect(planned.data).toEqual({ reportId, dueDate, daysBefore: 7, runAt: reminderAt.toISOString() });
    // The 1-day reminder and the overdue report wait far ahead.
    expect((await delayedJob(jobId('reminder', 1))).opts.delay).toBeGreaterThan(5 * 86_400_000);
    expect(await mails('report.reminder')).toEqual([]);

    // Redis loses every key before the reminder fires: reconciliation plans it again.
    expect(await deleteQueueKeys(ctx.config)).toBeGreaterThan(0);
    expect(await queue.getJob(jobId('reminder', 7))).toBeUndefined();
    await pollUntil('the reminder mail', async () => (await mails('report.reminder')).length > 0, 15_000);
    const sent = await mails('report.reminder');
    expect(sent).toEqual([{ user_id: ngo.user.id, payload: expect.objectContaining({ daysLeft: 7, dueDate }) }]);
    // It fired at its time by the report clock, not at once after the loss.
    const [{ created_at }] = await db.query(`SELECT created_at FROM notifications WHERE template = 'report.reminder'`);
    const shift = worker!.get(AppConfig).values.REPORT_CLOCK_SHIFT_MS;
    expect(created_at.getTime() + shift).toBeGreaterThanOrEqual(reminderAt.getTime() - 50);

    // The same job run again (a re-plan after another loss) sends nothing new.
    expect(await rerun(planned.data, 'reminder-again')).toEqual({ stale: false, written: 0 });
    expect(await mails('report.reminder')).toHaveLength(1);
  });

  it('the overdue report goes to admins once when the due date ends without a submission', async () => {
    const overdueAt = reportOverdueAt(dueDate, ZONE);
    await startWorker(overdueAt, 5000);
    const planned = await delayedJob(jobId('overdue', 0));
    expect(planned.opts.delay).toBeGreaterThan(1000);
    // Both reminders are long past on this clock: not planned again, not sent.
    expect(await queue.getJob(jobId('reminder', 1))).toBeUndefined();

    await pollUntil('the overdue mail', async () => (await mails('report.overdue')).length > 0, 15_000);
    const overdue = await mails('report.overdue');
    expect(overdue).toEqual([
      { user_id: admin.user.id, payload: expect.objectContaining({ dueDate, reportCode: 'interim' }) },
    ]);
    expect(await rerun(planned.data, 'overdue-again', JobName.ReportOverdue)).toEqual({ stale: false, written: 0 });
    expect(await mails('report.overdue')).toHaveLength(1);
    expect(await mails('report.reminder')).toHaveLength(1);
    // The API reads the wall clock, by which the due date is still 10 days ahead.
    const grant = await ctx.http.as(ngo).get(`/grants/${grantId}`);
    expect(grant.body.reports[0]).toMatchObject({ code: 'interim', status: 'pending', overdue: false });
  });

  it('a job for a report submitted meanwhile, or of a grant that ended, sends nothing', async () => {
    const jobs = ctx.api.get(JobQueue);
    const submitted = await insertGrant(db, ngo, { report: 'submitted', timezone: ZONE });
    const terminated = await insertGrant(db, ngo, { status: 'terminated', timezone: ZONE });
    for (const g of [submitted, terminated]) {
      const [r] = await db.query(
        `SELECT id, due_date::text FROM grant_reports WHERE grant_id = $1 AND code = 'interim'`,
        [g.grantId],
      );
      const id = `stale-${r.id}`;
      await jobs.enqueue(
        {
          name: JobName.ReportReminder,
          data: { reportId: r.id, dueDate: r.due_date, daysBefore: 7, runAt: new Date().toISOString() },
        },
        { jobId: id, delay: 0 },
      );
      expect((await finished(id)).returnvalue).toEqual({ stale: true, written: 0 });
    }
  });
});
