import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@grants/config';
import { OUTBOX_CHANNEL, OutboxRelay } from '@grants/domain';
import { getJobOptions, JobItem, JobName, JobQueue, QueueName, withinTimeout } from '@grants/queue';

export const OUTBOX_SWEEP_SCHEDULER_ID = 'outbox-sweep';
const SWEEP_JOB: JobItem = { name: JobName.RelayOutbox, data: {} };
const RECONNECT_MS = 1000;

/**
 * Wakes the relay: LISTEN on the outbox channel over a dedicated PostgreSQL connection (re-established when
 * it drops), a relay at start, and the BullMQ job scheduler of the periodic sweep. The scheduler lives in
 * Redis and is lost with it, so it is checked on the sweep interval and put back (with a relay at once).
 */
@Injectable()
export class OutboxListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private closing = false;
  private reconnectTimer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly config: AppConfig,
    private readonly relay: OutboxRelay,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap() {
    // Nothing here may block start-up: Redis or PostgreSQL being down must not stop the worker.
    void this.listen();
    void this.ensureScheduler(true);
    this.watchdog = setInterval(() => void this.ensureScheduler(false), this.config.values.OUTBOX_SWEEP_MS);
    this.watchdog.unref();
  }

  async onApplicationShutdown() {
    this.closing = true;
    clearInterval(this.watchdog);
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
  }

  private relayNow(why: string) {
    this.relay
      .trigger()
      .catch((error) => this.logger.warn(`Relay (${why}) failed, rows stay pending: ${error.message}`));
  }

  private async listen() {
    if (this.closing) return;
    const client = new Client({
      connectionString: this.config.values.DATABASE_URL,
      application_name: 'grants-outbox-listener',
    });
    this.client = client;
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.closing) return;
      this.logger.warn(`Outbox LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
      this.reconnectTimer = setTimeout(() => void this.listen(), RECONNECT_MS);
      this.reconnectTimer.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', () => this.relayNow('notify'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Anything committed while we were not listening.
      this.relayNow('listen');
    } catch (error) {
      lost(error as Error);
    }
  }

  private async ensureScheduler(atStart: boolean) {
    if (this.checking || this.closing) return;
    this.checking = true;
    const queue = this.jobs.queue(QueueName.Outbox);
    try {
      if (!atStart && (await withinTimeout(queue.getJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID), 5000))) return;
      if (!atStart) this.logger.warn('Outbox sweep scheduler was missing (Redis lost its data?); restoring it');
      const { removeOnComplete, removeOnFail, attempts } = getJobOptions(SWEEP_JOB);
      await withinTimeout(
        queue.upsertJobScheduler(
          OUTBOX_SWEEP_SCHEDULER_ID,
          { every: this.config.values.OUTBOX_SWEEP_MS },
          { name: SWEEP_JOB.name, data: SWEEP_JOB.data, opts: { removeOnComplete, removeOnFail, attempts } },
        ),
        5000,
      );
      this.relayNow(atStart ? 'start' : 'scheduler restored');
    } catch (error) {
      this.logger.warn(`Could not ensure the outbox sweep scheduler: ${error.message}`);
    } finally {
      this.checking = false;
    }
  }
}
