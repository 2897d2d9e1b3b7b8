import 'reflect-metadata';
import { createTransport } from 'nodemailer';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@grants/database';
import { OutboxService, OutboxWaker, TEMPLATES } from '@grants/domain';
import { deleteQueueKeys } from '@grants/queue';
import { TemplateRenderer } from '@grants/mail';
import { createWorkerApp } from '@grants/worker/setup';
import { BenchResult, databaseUrl, round, uniqueName } from './bench-support';

const MAILS = 2000;
const CONCURRENCY = 10;

/** A local SMTP sink that accepts everything and counts messages. */
export async function startSink(): Promise<{
  port: number;
  count: () => number;
  reset: () => void;
  waitFor: (n: number, ms: number) => Promise<void>;
  stop: () => Promise<void>;
}> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    count: () => received,
    reset: () => (received = 0),
    async waitFor(n, ms) {
      const until = Date.now() + ms;
      while (received < n) {
        if (Date.now() > until) throw new Error(`SMTP sink got ${received} of ${n} mails`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Mails per second from committed outbox rows to a local SMTP sink through the whole path (NOTIFY → relay →
 * BullMQ → worker → render → pooled nodemailer → row marked sent), next to bare nodemailer sending the same
 * rendered mail the same number of times with the same parallelism to the same sink.
 */
export async function benchNotifications(): Promise<BenchResult[]> {
  const base = AppConfig.fromEnvironment();
  const name = uniqueName('grants_bench_mail');
  const url = databaseUrl(base.values.DATABASE_URL, name);
  const sink = await startSink();
  await migrateDatabase(url);
  const config = AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    QUEUE_PREFIX: name,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    NOTIFICATION_CONCURRENCY: String(CONCURRENCY),
  });
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  const worker = await createWorkerApp(config);
  try {
    await worker.init();
    const users: { id: string; email: string }[] = await ds.query(
      `INSERT INTO users (email, password_hash, full_name, role)
       SELECT 'expert' || g || '@bench.test', 'x', 'Эксперт ' || g, 'expert' FROM generate_series(1, $1) g RETURNING id, email`,
      [MAILS],
    );
    const messages = users.map((u) => ({
      userId: u.id,
      template: 'account.registered' as const,
      payload: { fullName: 'Иванова Мария Петровна', email: u.email, organizationName: 'МОО «Наш город»' },
      dedupeKey: `bench:${u.id}`,
    }));

    const outboxStart = performance.now();
    await ds.transaction((m) => new OutboxService(new OutboxWaker(ds)).write(m, messages));
    await sink.waitFor(MAILS, 120_000);
    // The last rows are marked sent right after the sink accepted them.
    for (;;) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM notifications WHERE status = 'sent'`);
      if (n === MAILS) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const outboxSeconds = (performance.now() - outboxStart) / 1000;

    const renderer = new TemplateRenderer({
      appUrl: config.values.APP_URL,
      defaultTimezone: config.values.STATS_TZ,
      templates: TEMPLATES,
    });
    const transport = createTransport({
      url: config.values.SMTP_URL,
      pool: true,
      maxConnections: CONCURRENCY,
      maxMessages: Infinity,
    } as never);
    sink.reset();
    const bareStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < MAILS) {
          const i = next++;
          const mail = renderer.render('account.registered', 'ru', messages[i].payload);
          await transport.sendMail({ from: config.values.MAIL_FROM, to: users[i].email, ...mail });
        }
      }),
    );
    const bareSeconds = (performance.now() - bareStart) / 1000;
    transport.close();

    return [
      {
        name: `notifications: outbox → relay → BullMQ → worker → SMTP (${MAILS} mails, concurrency ${CONCURRENCY})`,
        value: round(MAILS / outboxSeconds),
        unit: 'mails/s',
        baseline: round(MAILS / bareSeconds),
        baselineName: 'bare nodemailer (pooled, same sink, same parallelism)',
      },
    ];
  } finally {
    await worker.close();
    await ds.destroy();
    await sink.stop();
    await deleteQueueKeys(config.values.REDIS_URL, config.values.QUEUE_PREFIX);
    await dropDatabase(url);
  }
}

if (require.main === module) {
  benchNotifications()
    .then((rows) => {
      console.table(rows);
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
