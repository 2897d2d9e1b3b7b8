import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@grants/config';
import { getJobOptions, JobItem, JobName, JobQueue, QueueName, withinTimeout } from '@grants/queue';

const BATCH = 200;
/** A relay transaction never waits longer than this for Redis: rows stay pending, the sweep tries again. */
const REDIS_TIMEOUT_MS = 5000;

/**
 * Moves outbox rows into the `notifications` queue. Claims pending rows with FOR UPDATE SKIP LOCKED (several
 * workers never claim the same row), adds one job per row with the row id as job id, and marks them `queued`
 * in the same transaction: if Redis refuses, the transaction rolls back and the rows stay `pending`.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running?: Promise<number>;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Relays now; a call while a relay runs makes that relay loop once more instead of starting a second
   * one, so a burst of NOTIFYs costs one pass.
   */
  trigger(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          total += await this.relayPending();
        } while (this.again);
        return total;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Relays every pending row, batch by batch; returns how many were queued. */
  async relayPending(): Promise<number> {
    // Without a live Redis connection a claim would only hold row locks until the timeout; the next
    // NOTIFY or sweep after Redis returns does the work.
    const client = await this.jobs.queue(QueueName.Notifications).getBackend().client;
    if (client.status !== 'ready') throw new Error(`Redis is ${client.status}`);
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows: { id: string; attempts: number }[] = await manager.query(
          `SELECT id, attempts FROM notifications WHERE status = 'pending'
           ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [BATCH],
        );
        if (!rows.length) return { claimed: 0, queued: 0 };
        return { claimed: rows.length, queued: await this.enqueue(rows, manager) };
      });
      total += count.queued;
      // A short batch is the end; so is a batch with rows left for later (they would be claimed again at once).
      if (count.claimed < BATCH || count.queued < count.claimed) return total;
    }
  }

  /**
   * Rows `queued` for longer than OUTBOX_STUCK_MS whose job is gone from Redis (Redis lost its data) or
   * finished without the row being updated are queued again.
   */
  async requeueStuck(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; attempts: number }[] = await manager.query(
        `SELECT id, attempts FROM notifications
         WHERE status = 'queued' AND queued_at < now() - make_interval(secs => $1::double precision / 1000)
         ORDER BY queued_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [this.config.values.OUTBOX_STUCK_MS, BATCH],
      );
      const queue = this.jobs.queue(QueueName.Notifications);
      const lost: { id: string; attempts: number }[] = [];
      for (const row of rows) {
        const job = await withinTimeout(queue.getJob(row.id), REDIS_TIMEOUT_MS, 'Redis (getJob)');
        const state = job ? await withinTimeout(job.getState(), REDIS_TIMEOUT_MS, 'Redis (getState)') : 'missing';
        if (state === 'missing' || state === 'unknown' || state === 'completed' || state === 'failed') lost.push(row);
      }
      const alive = rows.filter((r) => !lost.includes(r));
      if (alive.length) {
        // Still waiting or active in Redis: only the clock moves, so they are not checked again at once.
        await manager.query(`UPDATE notifications SET queued_at = now() WHERE id = ANY($1::uuid[])`, [
          alive.map((r) => r.id),
        ]);
      }
      if (!lost.length) return 0;
      this.logger.warn(`Re-queueing ${lost.length} notification(s) whose job was lost`);
      return this.enqueue(lost, manager, true);
    });
  }

  /** Adds the rows' jobs and marks the rows queued; returns how many (a row whose old job is still active waits). */
  private async enqueue(
    candidates: { id: string; attempts: number }[],
    manager: EntityManager,
    replace = false,
  ): Promise<number> {
    const queue = this.jobs.queue(QueueName.Notifications);
    const rows: { id: string; attempts: number }[] = [];
    // A row tried before (admin retry, lost job) may still have its finished job under the same id,
    // which would make the new add a no-op.
    for (const row of candidates) {
      if (!replace && row.attempts === 0) {
        rows.push(row);
        continue;
      }
      const job = await withinTimeout(queue.getJob(row.id), REDIS_TIMEOUT_MS, 'Redis (getJob)');
      const state = job ? await withinTimeout(job.getState(), REDIS_TIMEOUT_MS, 'Redis (getState)') : 'missing';
      // Still active: its last attempt is being recorded (a retry right after the row turned failed). The row
      // stays pending and the next sweep finds the job finished.
      if (state === 'active') continue;
      if (job && (state === 'completed' || state === 'failed'))
        await withinTimeout(job.remove(), REDIS_TIMEOUT_MS, 'Redis (remove)');
      rows.push(row);
    }
    if (!rows.length) return 0;
    const tuning = { notificationBackoffMs: this.config.values.NOTIFICATION_BACKOFF_MS };
    const items = rows.map((row) => {
      const job: JobItem = { name: JobName.SendNotification, data: { notificationId: row.id } };
      return { name: job.name, data: job.data, opts: getJobOptions(job, Date.now(), tuning) };
    });
    await withinTimeout(queue.addBulk(items), REDIS_TIMEOUT_MS, 'Redis (addBulk)');
    await manager.query(
      `UPDATE notifications SET status = 'queued', queued_at = now() WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'queued')`,
      [rows.map((r) => r.id)],
    );
    return rows.length;
  }
}
