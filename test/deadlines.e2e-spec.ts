import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DeadlineScheduler, SubmissionCloser } from '@grants/domain';
import { JobItem, JobName, JobQueue, QueueName } from '@grants/queue';
import {
  competitionStatus,
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  deleteQueueKeys,
  insertApplication,
  insertCompetition,
  insertReview,
  loginAdmin,
  pollUntil,
  registerNgo,
  RUSH_PASSWORD,
  seedRushApplicants,
  Session,
  submitApplication,
  TestContext,
  untilWaitingOnLocks,
} from '@grants/testing';
import { createWorkerApp } from '@grants/worker/setup';

const seconds = (n: number) => new Date(Date.now() + n * 1000);

describe('Deadlines: the submission close, reminders and recovery from a lost Redis', () => {
  let ctx: TestContext;
  let ds: DataSource;
  let admin: Session;
  let scheduler: DeadlineScheduler;
  let closer: SubmissionCloser;
  let jobs: JobQueue;
  let queue: Queue;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { DEADLINE_RECONCILE_MS: '500' } });
    ds = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    scheduler = ctx.api.get(DeadlineScheduler);
    closer = ctx.api.get(SubmissionCloser);
    jobs = ctx.api.get(JobQueue);
    queue = jobs.queue(QueueName.Deadlines);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx.close();
  });

  const startWorker = async () => {
    worker = await createWorkerApp(ctx.config);
    await worker.init();
  };
  const closeJobId = (competitionId: string, deadline: Date) => `close_${competitionId}_${deadline.getTime()}`;
  const notifications = (template: string, where: { userId?: string; competitionId?: string } = {}) =>
    ds.query(
      `SELECT user_id, payload, dedupe_key FROM notifications
       WHERE template = $1 AND ($2::uuid IS NULL OR user_id = $2) AND ($3::text IS NULL OR payload->>'competitionId' = $3)
       ORDER BY created_at`,
      [template, where.userId ?? null, where.competitionId ?? null],
    ) as Promise<{ user_id: string; payload: Record<string, any>; dedupe_key: string }[]>;
  const statuses = async (competitionId: string) =>
    Object.fromEntries(
      (await ds.query(`SELECT id, status FROM applications WHERE competition_id = $1`, [competitionId])).map(
        (r: { id: string; status: string }) => [r.id, r.status],
      ),
    );
  const eventCount = async (competitionId: string) =>
    Number(
      (
        await ds.query(
          `SELECT count(*) AS n FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.competition_id = $1`,
          [competitionId],
        )
      )[0].n,
    );
  /** Runs a job through the worker and returns its result once it completed. */
  const runJob = async (item: JobItem, jobId: string) => {
    const job = await jobs.enqueue(item, { jobId, delay: 0 });
    await pollUntil(`job ${jobId} to finish`, async () => ['completed', 'failed'].includes(await job.getState()));
    const done = await Job.fromId(queue, jobId);
    if (done?.failedReason) throw new Error(`job ${jobId} failed: ${done.failedReason}`);
    return done!.returnvalue;
  };

  it('closes once when the close runs several times concurrently and again later', async () => {
    const [a, b] = [await registerNgo(ctx.http), await registerNgo(ctx.http)];
    const deadline = seconds(-1);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });
    const draft = await insertApplication(ds, id, a, 'draft');
    const submitted = await insertApplication(ds, id, b, 'submitted');
    const withdrawn = await insertApplication(ds, id, b, 'withdrawn');

    const results = await Promise.all([
      closer.close(id, { actor: 'system', expectedDeadline: deadline }),
      closer.close(id, { actor: 'system', expectedDeadline: deadline }),
      closer.close(id, { actor: { id: admin.user.id, role: 'admin', organizationId: null } }),
    ]);
    expect(results.filter((r) => r.closed)).toEqual([{ closed: true, submitted: 1, notSubmitted: 1 }]);
    expect(await closer.close(id, { actor: 'system', expectedDeadline: deadline })).toMatchObject({
      closed: false,
      skipped: 'not_open',
    });

    expect(await competitionStatus(ds, id)).toBe('review');
    expect(await statuses(id)).toEqual({
      [draft]: 'not_submitted',
      [submitted]: 'under_review',
      [withdrawn]: 'withdrawn',
    });
    expect(await eventCount(id)).toBe(2);
    const notSubmitted = await notifications('application.not_submitted', { competitionId: id });
    expect(notSubmitted.map((n) => n.user_id)).toEqual([a.user.id]);
    expect(notSubmitted[0].payload).toMatchObject({
      applicationId: draft,
      deadline: deadline.toISOString(),
      timezone: 'Asia/Krasnoyarsk',
    });
    const closed = await notifications('competition.submission_closed', { competitionId: id });
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ user_id: admin.user.id, payload: { submitted: 1, notSubmitted: 1 } });
  });

  it('an admin close takes the submits received before it, refuses those received after, and closes after the grace', async () => {
    const id = await insertCompetition(ds, { submissionDeadline: seconds(3600) });
    const applicants = await seedRushApplicants((sql, params) => ds.query(sql, params), id, 15, `close-${id}`);
    const tokens = await Promise.all(
      applicants.map(async (a) => {
        const res = await ctx.http.anonymous().post('/auth/login', { email: a.email, password: RUSH_PASSWORD });
        return res.body.accessToken as string;
      }),
    );
    const submit = (i: number) => ctx.http.as(tokens[i]).post(`/applications/${applicants[i].applicationId}/submit`);
    // The competition row is held, so every request below queues behind it in the order it arrived.
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query(`SELECT id FROM competitions WHERE id = $1 FOR UPDATE`, [id]);
      const waiting = (n: number) => untilWaitingOnLocks(blocker, n, `${n} transactions waiting on the competition`);
      const before = Array.from({ length: 10 }, (_, i) => submit(i));
      await waiting(10);
      const close = ctx.http.as(admin).post(`/competitions/${id}/close`);
      await waiting(11);
      const after = Array.from({ length: 5 }, (_, i) => submit(10 + i));
      await waiting(16);
      await blocker.commitTransaction();

      expect((await Promise.all(before)).map((r) => r.status)).toEqual(Array(10).fill(200));
      expect((await Promise.all(after)).map((r) => [r.status, r.body.code])).toEqual(
        Array(5).fill([422, 'DEADLINE_PASSED']),
      );
      const closed = await close;
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('review');
    } finally {
      await blocker.release();
    }
    const counts = await ds.query(
      `SELECT status, count(*)::int AS n FROM applications WHERE competition_id = $1 GROUP BY status ORDER BY status`,
      [id],
    );
    expect(counts).toEqual([
      { status: 'not_submitted', n: 5 },
      { status: 'under_review', n: 10 },
    ]);
    // The deadline the applicants were told stays as it was; the cut-off is the close request's arrival.
    const [row] = await ds.query(
      `SELECT submission_deadline, submission_cutoff_at, closed_at FROM competitions WHERE id = $1`,
      [id],
    );
    expect(row.submission_cutoff_at.getTime()).toBeLessThan(row.submission_deadline.getTime());
    expect(row.closed_at.getTime() - row.submission_cutoff_at.getTime()).toBeGreaterThanOrEqual(300);
  });

  it('does not close early: a stale deadline or a deadline not yet reached changes nothing', async () => {
    const deadline = seconds(60);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });
    expect(await closer.close(id, { actor: 'system', expectedDeadline: seconds(-60) })).toMatchObject({
      skipped: 'stale_deadline',
    });
    expect(await closer.close(id, { actor: 'system', expectedDeadline: deadline })).toMatchObject({
      skipped: 'too_early',
    });
    expect(await competitionStatus(ds, id)).toBe('open');
  });

  it('a worker started after the deadline closes the competition at once, and a repeated close job is a no-op', async () => {
    const ngo = await registerNgo(ctx.http);
    const deadline = seconds(-5);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });
    await insertApplication(ds, id, ngo, 'draft');
    // No job in Redis either: only the worker's start-up reconciliation can close it.
    expect(await queue.getJob(closeJobId(id, deadline))).toBeUndefined();

    const started = Date.now();
    await startWorker();
    await pollUntil('the late competition to close', async () => (await competitionStatus(ds, id)) === 'review', 5000);
    expect(Date.now() - started).toBeLessThan(5000);

    const before = {
      events: await eventCount(id),
      mails: (await notifications('application.not_submitted', { competitionId: id })).length,
    };
    const item: JobItem = {
      name: JobName.CloseSubmission,
      data: { competitionId: id, deadline: deadline.toISOString() },
    };
    const [first, second] = await Promise.all([runJob(item, `repeat-1-${id}`), runJob(item, `repeat-2-${id}`)]);
    expect([first, second]).toEqual([
      expect.objectContaining({ closed: false }),
      expect.objectContaining({ closed: false }),
    ]);
    expect(await eventCount(id)).toBe(before.events);
    expect((await notifications('application.not_submitted', { competitionId: id })).length).toBe(before.mails);
    expect(before).toEqual({ events: 1, mails: 1 });
  });

  it('closes a competition whose deadline is 2 s ahead when the deadline passes', async () => {
    const [a, b] = [await registerNgo(ctx.http), await registerNgo(ctx.http)];
    const deadline = seconds(2);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });
    const draft = await insertApplication(ds, id, a, 'draft');
    const submitted = await insertApplication(ds, id, b, 'submitted');
    await scheduler.scheduleCompetition(id);
    expect(await (await queue.getJob(closeJobId(id, deadline)))?.getState()).toBe('delayed');

    await pollUntil('the competition to close', async () => (await competitionStatus(ds, id)) === 'review', 10_000);
    const [row] = await ds.query(`SELECT closed_at FROM competitions WHERE id = $1`, [id]);
    expect(row.closed_at.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
    expect(await statuses(id)).toEqual({ [draft]: 'not_submitted', [submitted]: 'under_review' });
    const events = await ds.query(
      `SELECT e.from_status, e.to_status, e.actor_role FROM application_events e WHERE e.application_id = ANY($1) ORDER BY e.from_status`,
      [[draft, submitted]],
    );
    expect(events).toEqual([
      { from_status: 'draft', to_status: 'not_submitted', actor_role: 'system' },
      { from_status: 'submitted', to_status: 'under_review', actor_role: 'system' },
    ]);
    expect(await notifications('competition.submission_closed', { competitionId: id })).toHaveLength(1);
  });

  it('after an extension the old deadline no longer closes the competition', async () => {
    const oldDeadline = seconds(2);
    const id = await insertCompetition(ds, { submissionDeadline: oldDeadline });
    await scheduler.scheduleCompetition(id);
    expect(await queue.getJob(closeJobId(id, oldDeadline))).toBeDefined();

    const newDeadline = seconds(3600);
    await ds.query(`UPDATE competitions SET submission_deadline = $2 WHERE id = $1`, [id, newDeadline]);
    await scheduler.scheduleCompetition(id);
    expect(await queue.getJob(closeJobId(id, oldDeadline))).toBeUndefined();
    const replacement = await queue.getJob(closeJobId(id, newDeadline));
    expect(await replacement?.getState()).toBe('delayed');
    expect(replacement!.opts.delay).toBeGreaterThan(3590_000);

    // A copy of the old job that escaped removal (e.g. already running) still refuses to close.
    const stale = await runJob(
      { name: JobName.CloseSubmission, data: { competitionId: id, deadline: oldDeadline.toISOString() } },
      `stale-${id}`,
    );
    expect(stale).toMatchObject({ closed: false, skipped: 'stale_deadline' });
    // Past the old time, with reconciliation running every 500 ms, it is still open.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, oldDeadline.getTime() + 1500 - Date.now())));
    expect(await competitionStatus(ds, id)).toBe('open');
  });

  it('still closes on time when the queue keys were lost before the deadline (reconciliation)', async () => {
    const ngo = await registerNgo(ctx.http);
    const deadline = seconds(3);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });
    const draft = await insertApplication(ds, id, ngo, 'draft');
    await scheduler.scheduleCompetition(id);
    expect(await queue.getJob(closeJobId(id, deadline))).toBeDefined();

    expect(await deleteQueueKeys(ctx.config)).toBeGreaterThan(0);
    expect(await queue.getJob(closeJobId(id, deadline))).toBeUndefined();
    expect(await queue.getJobScheduler('deadlines-reconcile')).toBeUndefined();

    await pollUntil(
      'the competition to close after the keys were lost',
      async () => (await competitionStatus(ds, id)) === 'review',
      15_000,
    );
    expect(await statuses(id)).toEqual({ [draft]: 'not_submitted' });
    // The worker put its reconciliation scheduler back.
    expect(await queue.getJobScheduler('deadlines-reconcile')).toBeDefined();
  });

  it('reminds only organizations that still have drafts, once per reminder', async () => {
    const [drafting, done, withdrew] = [
      await registerNgo(ctx.http),
      await registerNgo(ctx.http),
      await registerNgo(ctx.http),
    ];
    const deadline = seconds(3 * 86_400);
    const id = await insertCompetition(ds, { submissionDeadline: deadline });
    const draft = await insertApplication(ds, id, drafting, 'draft');
    await insertApplication(ds, id, done, 'submitted');
    await insertApplication(ds, id, withdrew, 'withdrawn');

    const item: JobItem = {
      name: JobName.DeadlineReminder,
      data: { competitionId: id, deadline: deadline.toISOString(), daysBefore: 3, runAt: new Date().toISOString() },
    };
    expect(await runJob(item, `remind-1-${id}`)).toEqual({ stale: false, written: 1 });
    expect(await runJob(item, `remind-2-${id}`)).toEqual({ stale: false, written: 0 });
    const reminders = await notifications('deadline.reminder', { competitionId: id });
    expect(reminders.map((r) => r.user_id)).toEqual([drafting.user.id]);
    expect(reminders[0].payload).toMatchObject({ applicationId: draft, daysLeft: 3, deadline: deadline.toISOString() });

    // A reminder for a deadline that has since moved sends nothing.
    const moved = { ...item, data: { ...item.data, deadline: seconds(86_400).toISOString() } } as JobItem;
    expect(await runJob(moved, `remind-stale-${id}`)).toEqual({ stale: true, written: 0 });
  });

  it('schedules reminders at 10:00 in the competition time zone and skips past ones', async () => {
    // 5 days ahead: the 7-day reminder is past and skipped, the 3- and 1-day ones are planned.
    const deadline = new Date(Math.ceil((Date.now() + 5 * 86_400_000) / 3_600_000) * 3_600_000);
    const id = await insertCompetition(ds, { submissionDeadline: deadline, timezone: 'Asia/Krasnoyarsk' });
    await scheduler.scheduleCompetition(id);
    const ids = (await queue.getRanges(['delayed'], 0, -1)).filter((j) => j.includes(id)).sort();
    expect(ids).toEqual(
      [
        closeJobId(id, deadline),
        `deadline.reminder_${id}_${deadline.getTime()}_1`,
        `deadline.reminder_${id}_${deadline.getTime()}_3`,
        expect.stringMatching(new RegExp(`^review.overdue_${id}_`)),
        expect.stringMatching(new RegExp(`^review.reminder_${id}_\\d+_1$`)),
        expect.stringMatching(new RegExp(`^review.reminder_${id}_\\d+_2$`)),
      ].sort((x, y) => String(x).localeCompare(String(y))),
    );
    const reminder = await queue.getJob(`deadline.reminder_${id}_${deadline.getTime()}_1`);
    const runAt = new Date(reminder!.data.runAt);
    expect(
      new Intl.DateTimeFormat('ru-RU', { timeZone: 'Asia/Krasnoyarsk', hour: '2-digit', minute: '2-digit' }).format(
        runAt,
      ),
    ).toBe('10:00');

    // Cancelled: every job goes.
    await ds.query(`UPDATE competitions SET status = 'cancelled' WHERE id = $1`, [id]);
    await scheduler.scheduleCompetition(id);
    expect((await queue.getRanges(['delayed', 'wait'], 0, -1)).filter((j) => j.includes(id))).toEqual([]);
  });

  it('reminds experts with unfinished reviews and reports overdue reviews to admins', async () => {
    const ngo = await registerNgo(ctx.http);
    const [late, punctual] = [
      await createStaff(ctx.http, admin, 'expert'),
      await createStaff(ctx.http, admin, 'expert'),
    ];
    const reviewDeadline = seconds(2 * 86_400);
    const id = await insertCompetition(ds, { status: 'review', submissionDeadline: seconds(-86_400), reviewDeadline });
    const app = await insertApplication(ds, id, ngo, 'under_review');
    const lateReview = await insertReview(ds, {
      applicationId: app,
      competitionId: id,
      expertId: late.user.id,
      dueAt: reviewDeadline,
    });
    await insertReview(ds, {
      applicationId: app,
      competitionId: id,
      expertId: punctual.user.id,
      status: 'submitted',
      dueAt: reviewDeadline,
    });

    const remind: JobItem = {
      name: JobName.ReviewReminder,
      data: {
        competitionId: id,
        reviewDeadline: reviewDeadline.toISOString(),
        daysBefore: 2,
        runAt: new Date().toISOString(),
      },
    };
    expect(await runJob(remind, `review-remind-${id}`)).toEqual({ stale: false, written: 1 });
    const reminders = await notifications('review.reminder', { competitionId: id });
    expect(reminders.map((r) => r.user_id)).toEqual([late.user.id]);
    expect(reminders[0].payload).toMatchObject({
      reviewId: lateReview,
      daysLeft: 2,
      dueAt: reviewDeadline.toISOString(),
    });

    const overdue: JobItem = {
      name: JobName.ReviewOverdue,
      data: { competitionId: id, reviewDeadline: reviewDeadline.toISOString() },
    };
    expect(await runJob(overdue, `overdue-${id}`)).toEqual({ stale: false, written: 1 });
    const [report] = await notifications('review.overdue', { competitionId: id });
    expect(report.user_id).toBe(admin.user.id);
    expect(report.payload.overdue).toEqual([
      {
        reviewId: lateReview,
        registrationNumber: expect.any(String),
        expertName: late.user.fullName,
        status: 'assigned',
      },
    ]);
  });

  it('through the API: publish schedules the close, an extension replaces it, a cancellation removes every job', async () => {
    const competitionJobs = async (id: string) =>
      (await queue.getRanges(['delayed', 'wait'], 0, -1)).filter((j) => j.includes(id));
    const competition = await createOpenCompetition(ctx.http, admin);
    const deadline = new Date(competition.submissionDeadline);
    expect(await competitionJobs(competition.id)).toContain(closeJobId(competition.id, deadline));

    const later = new Date(deadline.getTime() + 86_400_000);
    const patched = await ctx.http
      .as(admin)
      .patch(`/competitions/${competition.id}`, { submissionDeadline: later.toISOString() });
    expect(patched.status).toBe(200);
    const afterExtension = await competitionJobs(competition.id);
    expect(afterExtension).toContain(closeJobId(competition.id, later));
    expect(afterExtension.filter((j) => j.includes(String(deadline.getTime())))).toEqual([]);

    const cancelled = await ctx.http
      .as(admin)
      .post(`/competitions/${competition.id}/cancel`, { reason: 'Нет финансирования' });
    expect(cancelled.status).toBe(200);
    expect(await competitionJobs(competition.id)).toEqual([]);
  });

  it('through the API: at a deadline set seconds ahead the submitted application goes to review, the draft is not submitted', async () => {
    const [drafting, submitting] = [await registerNgo(ctx.http), await registerNgo(ctx.http)];
    const competition = await createOpenCompetition(ctx.http, admin, { submissionDeadline: seconds(4).toISOString() });
    const draft = await createDraftApplication(ctx.http, drafting, competition.id);
    const sent = await createDraftApplication(ctx.http, submitting, competition.id);
    await submitApplication(ctx.http, submitting, sent.id);

    await pollUntil(
      'the competition to close',
      async () => (await ctx.http.get(`/competitions/${competition.id}`)).body.status === 'review',
      10_000,
    );
    expect((await ctx.http.as(drafting).get(`/applications/${draft.id}`)).body.status).toBe('not_submitted');
    expect((await ctx.http.as(submitting).get(`/applications/${sent.id}`)).body.status).toBe('under_review');
    const late = await ctx.http.as(drafting).post(`/applications/${draft.id}/submit`);
    expect(late.status).toBeGreaterThanOrEqual(400);
  });

  it('serves the deadlines of a published competition as an iCalendar feed', async () => {
    const deadline = new Date('2030-10-17T16:30:00Z');
    const id = await insertCompetition(ds, {
      submissionDeadline: deadline,
      reviewDeadline: new Date('2030-11-20T16:30:00Z'),
    });
    const res = await ctx.http.anonymous().get(`/competitions/${id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.text).toContain('BEGIN:VCALENDAR');
    expect(res.text).toContain('DTSTART:20301017T163000Z');
    expect(res.text).toContain('DTSTART:20301120T163000Z');
    expect(res.text).toContain(`UID:submission-deadline-${id}@grants.test`);
    // Shown in the competition's zone, in Russian.
    expect(res.text.replace(/\r\n[ \t]/g, '')).toContain('17 октября 2030 г.\\, 23:30 (Asia/Krasnoyarsk)');
    expect(res.text).toContain('DTEND:20301017T163000Z');
    expect(res.text).toContain('TRIGGER:-PT24H');

    const draft = await insertCompetition(ds, { status: 'draft', submissionDeadline: deadline });
    expect((await ctx.http.anonymous().get(`/competitions/${draft}/calendar.ics`)).status).toBe(404);

    // RFC 5545 §3.1: every line at most 75 octets, folded between UTF-8 sequences, and the feed still parses.
    const long = await insertCompetition(ds, {
      title: `Конкурс социально значимых проектов «Город для всех» — поддержка инициатив жителей Лесосибирска 🙂`,
      submissionDeadline: deadline,
    });
    const feed = await ctx.api
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: `/api/v1/competitions/${long}/calendar.ics` });
    expect(feed.statusCode).toBe(200);
    const bytes = feed.rawPayload;
    const strict = new TextDecoder('utf-8', { fatal: true });
    const physical: string[] = [];
    for (let start = 0; start < bytes.length;) {
      const end = bytes.indexOf('\r\n', start);
      expect(end).toBeGreaterThanOrEqual(start); // every line ends with CRLF
      expect(end - start).toBeLessThanOrEqual(75);
      physical.push(strict.decode(bytes.subarray(start, end))); // throws on a split UTF-8 sequence
      start = end + 2;
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    const events = parseIcal(physical);
    expect(events.map((e) => e.UID)).toEqual([
      `submission-opens-${long}@grants.test`,
      `submission-deadline-${long}@grants.test`,
      `review-deadline-${long}@grants.test`,
    ]);
    expect(events[1].SUMMARY).toBe(
      'Окончание приёма заявок: Конкурс социально значимых проектов «Город для всех» — поддержка инициатив жителей Лесосибирска 🙂',
    );
    expect(events[1].DESCRIPTION).toBe(
      `Заявки принимаются до: 17 октября 2030 г.\\, 23:30 (Asia/Krasnoyarsk).\\nhttp://grants.test/competitions/${long}`,
    );
    expect(
      (await ctx.http.anonymous().get(`/competitions/00000000-0000-0000-0000-000000000000/calendar.ics`)).status,
    ).toBe(404);
    expect((await ctx.http.anonymous().get(`/competitions/not-a-uuid/calendar.ics`)).status).toBe(404);
  });
});

/** A minimal RFC 5545 reader: unfolds continuation lines, then collects each VEVENT's properties by name. */
function parseIcal(lines: string[]): Array<Record<string, string>> {
  const logical: string[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  expect(logical[0]).toBe('BEGIN:VCALENDAR');
  expect(logical[logical.length - 1]).toBe('END:VCALENDAR');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of logical) {
    const colon = line.indexOf(':');
    expect(colon).toBeGreaterThan(0);
    const name = line.slice(0, colon).split(';')[0];
    const value = line.slice(colon + 1);
    if (name === 'BEGIN' && value === 'VEVENT') current = {};
    else if (name === 'END' && value === 'VEVENT') {
      events.push(current!);
      current = null;
    } else if (current && !(name in current)) current[name] = value;
  }
  return events;
}
