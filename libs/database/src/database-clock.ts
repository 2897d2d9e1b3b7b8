import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@grants/config';
import { ClockOffset, ClockReading } from './clock-offset';

/**
 * No answer for this many sync periods: the database is out of reach and deadlines are not judged. A slow
 * answer still counts as an answer (its sample is simply not used when an earlier one is tighter).
 */
const STALE_AFTER_SYNCS = 10;

/** The local clock the offset is kept against: monotonic, so a step of the process's wall clock changes nothing. */
export const monotonicNow = () => performance.timeOrigin + performance.now();

/**
 * The database clock, readable in the api without a round trip: a connection of its own (never the
 * pool, whose queue would lengthen every round trip under load) reads `clock_timestamp()` every
 * `CLOCK_SYNC_MS`, and `ClockOffset` keeps the best offset. `read()` gives the database time now, or why
 * it cannot be trusted (never synced, no answer for 10 sync periods, error bound over `CLOCK_MAX_ERROR_MS`).
 */
@Injectable()
export class DatabaseClock implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DatabaseClock.name);
  private readonly offset: ClockOffset;
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failures = 0;

  private readonly now = monotonicNow;

  constructor(private readonly config: AppConfig) {
    this.offset = new ClockOffset({
      maxErrorMs: config.values.CLOCK_MAX_ERROR_MS,
      maxAgeMs: STALE_AFTER_SYNCS * config.values.CLOCK_SYNC_MS,
    });
  }

  async onModuleInit() {
    // A few quick samples at start so the first requests are judged with a tight bound.
    for (let i = 0; i < 3; i++) await this.sync();
    this.schedule();
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** The database time now (ms since the epoch), or why it is not to be trusted. */
  read(): ClockReading {
    return this.offset.read(this.now());
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.sync().finally(() => this.schedule()), this.config.values.CLOCK_SYNC_MS);
    this.timer.unref();
  }

  /** One round trip; a failure drops the connection so the next sync opens a fresh one. */
  async sync(): Promise<void> {
    try {
      const client = await this.connection();
      const sent = this.now();
      const { rows } = await client.query<{ ms: number }>(
        `SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS ms`,
      );
      const received = this.now();
      this.offset.record(sent, Number(rows[0].ms), received);
      if (this.failures) this.logger.log(`Database clock reachable again after ${this.failures} failed sync(s)`);
      this.failures = 0;
    } catch (error) {
      if (this.failures++ === 0) this.logger.warn(`Database clock sync failed: ${(error as Error).message}`);
      const client = this.client;
      this.client = undefined;
      client?.end().catch(() => undefined);
    }
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({
      connectionString: this.config.values.DATABASE_URL,
      application_name: 'grants-clock',
      connectionTimeoutMillis: 5 * this.config.values.CLOCK_SYNC_MS,
      query_timeout: 5 * this.config.values.CLOCK_SYNC_MS,
    });
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
    });
    await client.connect();
    if (this.stopped) {
      await client.end().catch(() => undefined);
      throw new Error('stopped');
    }
    this.client = client;
    return client;
  }
}
