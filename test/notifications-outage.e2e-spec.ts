import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import Redis from 'ioredis';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService } from '@grants/domain';
import { NotificationsProcessor } from '@grants/worker/notifications/notifications.processor';
import { createWorkerApp } from '@grants/worker/setup';
import { createTestContext, pollUntil, PrivateRedis, registerNgo, TestContext } from '@grants/testing';

/** Polls until `check` returns a truthy value (bounded), for states that have no event to await. */
const eventually = <T>(check: () => Promise<T>, what: string, timeoutMs = 30000) =>
  pollUntil(what, check, timeoutMs, 50);

describe('Notifications survive Redis, worker and SMTP outages', () => {
  let ctx: TestContext;
  let redis: PrivateRedis;
  let worker: INestApplicationContext | undefined;
  let child: ChildProcess | undefined;
  let db: DataSource;

  const status = async (email: string) =>
    (await db.query(`SELECT status FROM notifications WHERE email = $1`, [email]))[0]?.status as string | undefined;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    ctx = await createTestContext({
      env: {
        REDIS_URL: redis.url,
        NOTIFICATION_BACKOFF_MS: '100',
        NOTIFICATION_LOCK_MS: '1000',
        NOTIFICATION_CONCURRENCY: '4',
        OUTBOX_SWEEP_MS: '300',
        OUTBOX_STUCK_MS: '2000',
      },
    });
    db = ctx.api.get(DataSource);
    // A worker killed in the middle of an SMTP session resets its connection: expected here, not a failure.
    (ctx.smtp as unknown as { server: { on(e: string, f: () => void): void } }).server.on('error', () => undefined);
    worker = await createWorkerApp(ctx.config);
    await worker.init();
    // The config-driven worker options really reach BullMQ (the SIGKILL takeover depends on the lock time).
    const { opts } = worker.get(NotificationsProcessor).worker;
    expect(opts).toMatchObject({ concurrency: 4, lockDuration: 1000, stalledInterval: 1000 });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await worker?.close();
    await ctx?.close();
    await redis?.stop();
  });

  it('keeps a mail pending while Redis is unreachable and delivers it when Redis returns (empty)', async () => {
    const before = await registerNgo(ctx.http);
    await eventually(async () => ctx.smtp.to(before.user.email).length === 1, 'mail while Redis is up');

    await redis.stop();
    const ngo = await registerNgo(ctx.http);
    // Several sweep periods and LISTEN wake-ups pass without Redis: nothing can be queued.
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      expect(await status(ngo.user.email)).toBe('pending');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(ctx.smtp.to(ngo.user.email)).toHaveLength(0);

    // Same port, no persistence: Redis comes back without any job or scheduler.
    await redis.start();
    await eventually(async () => ctx.smtp.to(ngo.user.email).length === 1, 'mail after Redis returned');
    await eventually(async () => (await status(ngo.user.email)) === 'sent', 'row sent');
    expect(ctx.smtp.to(ngo.user.email)).toHaveLength(1);
  });

  it('re-queues a queued row whose job Redis lost', async () => {
    const ngo = await registerNgo(ctx.http);
    await eventually(async () => (await status(ngo.user.email)) === 'sent', 'welcome sent');
    // A queued row with no job behind it, as after a Redis restart without persistence.
    await db.query(
      `UPDATE notifications SET status = 'queued', queued_at = now() - interval '1 minute', sent_at = NULL WHERE email = $1`,
      [ngo.user.email],
    );
    const jobs = new Redis(ctx.config.values.REDIS_URL);
    await jobs.del(
      `${ctx.config.values.QUEUE_PREFIX}:notifications:${(await db.query(`SELECT id FROM notifications WHERE email = $1`, [ngo.user.email]))[0].id}`,
    );
    jobs.disconnect();
    await eventually(async () => ctx.smtp.to(ngo.user.email).length === 2, 'lost job re-queued and sent');
    await eventually(async () => (await status(ngo.user.email)) === 'sent', 'row sent again');
  });

  it('loses no mail of a batch of 200 when the worker is SIGKILLed mid-batch', async () => {
    await worker!.close();
    worker = undefined;

    const domain = `kill-${Date.now()}.example.org`;
    const users: { id: string; email: string }[] = await db.query(
      `INSERT INTO users (email, password_hash, full_name, role)
       SELECT 'expert' || i || '@' || $1::text, 'x', 'Эксперт ' || i, 'expert' FROM generate_series(1, 200) AS i
       RETURNING id, email`,
      [domain],
    );
    const outbox = ctx.api.get(OutboxService);
    await db.transaction((m) =>
      outbox.write(
        m,
        users.map((u) => ({
          userId: u.id,
          template: 'account.registered' as const,
          payload: { fullName: 'Эксперт', email: u.email },
          dedupeKey: `kill-test:${u.id}`,
        })),
      ),
    );
    const batch = () => ctx.smtp.mails.filter((m) => m.to.some((to) => to.endsWith(`@${domain}`)));

    // The first worker runs in its own process, from the TypeScript sources, with the same configuration.
    const env = Object.fromEntries(Object.entries(ctx.config.values).map(([k, v]) => [k, String(v)]));
    let output = '';
    child = spawn(process.execPath, [join(__dirname, 'notifications-child-worker.js')], {
      env: { ...process.env, ...env, NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    try {
      await eventually(async () => batch().length >= 40, 'the child worker to send part of the batch', 45000);
    } catch (error) {
      throw new Error(`${error.message}; child output:\n${output}`, { cause: error });
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
    const beforeKill = batch().length;
    expect(beforeKill).toBeLessThan(200);

    worker = await createWorkerApp(ctx.config);
    await worker.init();
    await eventually(
      async () =>
        (
          await db.query(`SELECT count(*)::int AS n FROM notifications WHERE email LIKE $1 AND status = 'sent'`, [
            `%@${domain}`,
          ])
        )[0].n === 200,
      'every row of the batch sent',
      45000,
    );
    const received = batch();
    const recipients = new Set(received.flatMap((m) => m.to));
    expect(users.every((u) => recipients.has(u.email))).toBe(true);
    const duplicates = received.length - recipients.size;
    console.log(`SIGKILL mid-batch: ${beforeKill} of 200 sent before the kill, none lost, ${duplicates} sent twice`);
    // Only the sends in flight at the kill can repeat (concurrency 4, plus one per connection of the pool).
    expect(duplicates).toBeLessThanOrEqual(8);
  });
});
