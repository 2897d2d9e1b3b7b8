import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService } from '@grants/domain';
import { createWorkerApp } from '@grants/worker/setup';
import { JobQueue, QueueName } from '@grants/queue';
import { createStaff, createTestContext, loginAdmin, registerNgo, Session, TestContext } from '@grants/testing';

/** Polls until `check` returns a truthy value (bounded), for states that have no event to await. */
async function eventually<T>(check: () => Promise<T>, what: string, timeoutMs = 20000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Notifications: outbox → BullMQ → SMTP', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let db: DataSource;
  let admin: Session;

  const row = async (email: string, template = 'account.registered') =>
    (await db.query(`SELECT * FROM notifications WHERE email = $1 AND template = $2`, [email, template]))[0];

  beforeAll(async () => {
    ctx = await createTestContext({
      env: { NOTIFICATION_BACKOFF_MS: '100', OUTBOX_SWEEP_MS: '500', APP_URL: 'https://grants.example' },
    });
    worker = await createWorkerApp(ctx.config);
    await worker.init();
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  it('sends exactly one Russian welcome mail per registration and shows it in the app', async () => {
    const ngo = await registerNgo(ctx.http);
    const sent = await eventually(async () => {
      const r = await row(ngo.user.email);
      return r?.status === 'sent' && r;
    }, 'welcome mail sent');
    const mails = ctx.smtp.to(ngo.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Добро пожаловать в систему «Гранты»');
    expect(mails[0].text).toContain('Иванова Мария Петровна');
    expect(mails[0].html).toContain('https://grants.example/login');
    expect(mails[0].from).toBe('grants@localhost');
    expect(sent.message_id).toBe(mails[0].messageId);

    const mine = await ctx.http.as(ngo).get('/me/notifications');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        id: sent.id,
        template: 'account.registered',
        subject: 'Добро пожаловать в систему «Гранты»',
        status: 'sent',
        createdAt: expect.any(String),
        sentAt: expect.any(String),
      },
    ]);
    expect(mine.body.total).toBe(1);
    // Another user's list does not contain it.
    const other = await registerNgo(ctx.http);
    const theirs = await ctx.http.as(other).get('/me/notifications');
    expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(sent.id);
  });

  it('writes the welcome mail in English for an English-speaking user', async () => {
    const ngo = await registerNgo(ctx.http, { locale: 'en' });
    await eventually(async () => ctx.smtp.to(ngo.user.email).length === 1, 'english mail');
    expect(ctx.smtp.to(ngo.user.email)[0].subject).toBe('Welcome to Grants');
    expect(ctx.smtp.to(ngo.user.email)[0].html).toContain('<html lang="en">');
  });

  it('delivers after the SMTP server refused for a while, counting the attempts', async () => {
    ctx.smtp.refuse(2);
    const ngo = await registerNgo(ctx.http);
    const sent = await eventually(async () => {
      const r = await row(ngo.user.email);
      return r?.status === 'sent' && r;
    }, 'mail sent after refusals');
    expect(sent.attempts).toBe(3);
    expect(ctx.smtp.to(ngo.user.email)).toHaveLength(1);
  });

  it('marks a mail failed after the last attempt, lists it for admins, and delivers it on retry', async () => {
    ctx.smtp.refuse(6);
    const ngo = await registerNgo(ctx.http);
    const failed = await eventually(async () => {
      const r = await row(ngo.user.email);
      return r?.status === 'failed' && r;
    }, 'mail failed');
    expect(failed.attempts).toBe(6);
    expect(ctx.smtp.to(ngo.user.email)).toHaveLength(0);

    const list = await ctx.http.as(admin).get('/notifications?status=failed');
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(
      expect.objectContaining({
        id: failed.id,
        status: 'failed',
        email: ngo.user.email,
        template: 'account.registered',
        attempts: 6,
        lastError: expect.stringContaining('451'),
      }),
    );
    expect((await ctx.http.as(ngo).get('/notifications?status=failed')).status).toBe(403);
    expect((await ctx.http.as(admin).get('/notifications?status=lost')).status).toBe(400);

    const retried = await ctx.http.as(admin).post(`/notifications/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending' });
    await eventually(async () => ctx.smtp.to(ngo.user.email).length === 1, 'retried mail delivered');
    // The row is marked sent in the transaction that held it while the SMTP server accepted the mail.
    await eventually(async () => (await row(ngo.user.email)).status === 'sent', 'retried row sent');

    const again = await ctx.http.as(admin).post(`/notifications/${failed.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    expect((await ctx.http.as(admin).post('/notifications/9b2f4c1e-0000-4000-8000-000000000000/retry')).status).toBe(
      404,
    );
    expect((await ctx.http.as(admin).post('/notifications/not-a-uuid/retry')).status).toBe(400);
    expect((await ctx.http.as(ngo).post(`/notifications/${failed.id}/retry`)).status).toBe(403);
    const audit = await ctx.http.as(admin).get('/audit');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'notification.retry', target: `notification:${failed.id}` }),
    );
  });

  it('fails an unknown template at once, without retries', async () => {
    const ngo = await registerNgo(ctx.http);
    await eventually(async () => (await row(ngo.user.email))?.status === 'sent', 'welcome sent');
    await db.query(
      `INSERT INTO notifications (user_id, email, locale, template, payload, dedupe_key) VALUES ($1, $2, 'ru', 'no.such', '{}', $3)`,
      [ngo.user.id, ngo.user.email, `test:${ngo.user.id}`],
    );
    await db.query(`SELECT pg_notify('outbox_pending', '')`);
    const failed = await eventually(async () => {
      const r = await row(ngo.user.email, 'no.such');
      return r?.status === 'failed' && r;
    }, 'unknown template failed');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('no.such');
  });

  it('re-establishes its LISTEN connection when PostgreSQL drops it', async () => {
    const listeners = async (): Promise<number[]> =>
      (
        await db.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'grants-outbox-listener'`,
        )
      ).map((r: { pid: number }) => r.pid);
    const [pid] = await eventually(async () => {
      const pids = await listeners();
      return pids.length === 1 ? pids : undefined;
    }, 'one listener');
    await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    await eventually(async () => {
      const pids = await listeners();
      return pids.length === 1 && pids[0] !== pid;
    }, 'a new listener');
    const ngo = await registerNgo(ctx.http);
    await eventually(async () => ctx.smtp.to(ngo.user.email).length === 1, 'mail after the reconnect');
  });

  it('never delivers a decision mail voided before it was sent', async () => {
    const consultant = await createStaff(ctx.http, admin, 'consultant');
    await eventually(async () => (await row(consultant.user.email))?.status === 'sent', 'consultant welcome sent');
    // Paused in Redis, so no worker takes the job while the decision is superseded.
    const queue = ctx.api.get(JobQueue).queue(QueueName.Notifications);
    await queue.pause();
    try {
      const outbox = ctx.api.get(OutboxService);
      const payload = {
        competitionId: '00000000-0000-4000-8000-000000000001',
        competitionTitle: 'Городские инициативы',
        timezone: 'Asia/Krasnoyarsk',
        applicationId: '00000000-0000-4000-8000-000000000002',
        applicationTitle: 'Школа волонтёров',
        organizationName: 'МОО «Наш город»',
        registrationNumber: '2026-TEST-0001',
        awardedAmount: '150000.00',
      };
      await db.transaction((m) =>
        outbox.write(m, [
          {
            userId: consultant.user.id,
            template: 'results.assisted_winner',
            payload,
            dedupeKey: `test-decision:${consultant.user.id}`,
            decisionKey: `decision:${consultant.user.id}`,
          },
        ]),
      );
      // Relayed into Redis, waiting for the paused worker: the stale decision is superseded now.
      await eventually(
        async () => (await row(consultant.user.email, 'results.assisted_winner'))?.status === 'queued',
        'queued',
      );
      expect(await db.transaction((m) => outbox.voidDecision(m, `decision:${consultant.user.id}`))).toBe(1);
    } finally {
      await queue.resume();
    }
    // A later mail to the same person goes out; the voided one never does.
    ctx.smtp.refuse(0);
    const before = ctx.smtp.to(consultant.user.email).length;
    await db.transaction((m) =>
      ctx.api.get(OutboxService).write(m, [
        {
          userId: consultant.user.id,
          template: 'account.registered',
          payload: { fullName: 'Сидорова Анна Викторовна', email: consultant.user.email },
          dedupeKey: `test-after-void:${consultant.user.id}`,
        },
      ]),
    );
    await eventually(async () => ctx.smtp.to(consultant.user.email).length === before + 1, 'later mail');
    const voided = await row(consultant.user.email, 'results.assisted_winner');
    expect(voided.status).toBe('voided');
    expect(voided.attempts).toBe(0);
    expect(ctx.smtp.to(consultant.user.email).map((m) => m.subject)).not.toContainEqual(
      expect.stringContaining('2026-TEST-0001'),
    );
  });
  it('voids the unsent mails of a decision when a new decision about the same matter is written', async () => {
    const ngo = await registerNgo(ctx.http);
    const queue = ctx.api.get(JobQueue).queue(QueueName.Notifications);
    const outbox = ctx.api.get(OutboxService);
    const payload = {
      competitionId: '00000000-0000-4000-8000-000000000011',
      competitionTitle: 'Городские инициативы',
      timezone: 'Asia/Krasnoyarsk',
      applicationId: '00000000-0000-4000-8000-000000000012',
      applicationTitle: 'Школа волонтёров',
      organizationName: 'МОО «Наш город»',
      registrationNumber: '2026-TEST-0002',
      score: null,
    };
    const decision = `decision:${payload.applicationId}`;
    await queue.pause();
    try {
      const first = {
        userId: ngo.user.id,
        template: 'results.not_awarded' as const,
        payload,
        dedupeKey: `test-first:${ngo.user.id}`,
        decisionKey: decision,
      };
      await db.transaction((m) => outbox.write(m, [first]));
      // The same event written again is a no-op, not a supersession of itself.
      expect(await db.transaction((m) => outbox.write(m, [first]))).toBe(0);
      expect((await row(ngo.user.email, 'results.not_awarded')).status).not.toBe('voided');
      await db.transaction((m) =>
        outbox.write(m, [
          {
            userId: ngo.user.id,
            template: 'application.ineligible',
            payload: { ...payload, reason: 'Организация не соответствует условиям конкурса' },
            dedupeKey: `test-second:${ngo.user.id}`,
            decisionKey: decision,
          },
        ]),
      );
      expect((await row(ngo.user.email, 'results.not_awarded')).status).toBe('voided');
      expect((await row(ngo.user.email, 'application.ineligible')).status).not.toBe('voided');
    } finally {
      await queue.resume();
    }
    await eventually(
      async () => (await row(ngo.user.email, 'application.ineligible'))?.status === 'sent',
      'new decision sent',
    );
    expect((await row(ngo.user.email, 'results.not_awarded')).status).toBe('voided');
  });
});
