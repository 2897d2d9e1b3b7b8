import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger } from '@nestjs/common';

/**
 * A processor that finishes its active jobs before anything else shuts down. @nestjs/bullmq closes its
 * workers in onApplicationShutdown, the same phase in which TypeORM closes the database: a job still
 * running then would lose its connection half-way (and a mail already handed to SMTP would be sent again
 * on retry). Closing the worker in beforeApplicationShutdown drains it while every connection is alive.
 */
export abstract class DrainingWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
  private readonly hostLogger = new Logger(this.constructor.name);
  private lastErrorLog = 0;

  /**
   * Connection errors while Redis is away repeat on every reconnect attempt; without a listener BullMQ
   * prints each one. One warning per 10 s says the same.
   */
  @OnWorkerEvent('error')
  onWorkerError(error: Error) {
    if (Date.now() - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = Date.now();
    this.hostLogger.warn(`Worker error (Redis unavailable?): ${error.message}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    let worker: WorkerHost['worker'];
    try {
      worker = this.worker;
    } catch {
      return; // never started (e.g. start-up failed): nothing to drain
    }
    await worker.close();
  }
}
