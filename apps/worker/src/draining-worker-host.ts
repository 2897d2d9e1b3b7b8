import { BeforeApplicationShutdown } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';

/**
 * A processor that finishes its active jobs before anything else shuts down. @nestjs/bullmq closes its
 * workers in onApplicationShutdown, the same phase in which TypeORM closes the database: a job still
 * running then would lose its connection half-way (and a mail already handed to SMTP would be sent again
 * on retry). Closing the worker in beforeApplicationShutdown drains it while every connection is alive.
 */
export abstract class DrainingWorkerHost extends WorkerHost implements BeforeApplicationShutdown {
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
