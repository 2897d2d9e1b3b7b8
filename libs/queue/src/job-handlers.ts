import { JOB_QUEUE, JobName, QueueName } from './queue-names';

export interface JobHandlerDeclaration {
  name: string;
  queue: QueueName;
  jobs: readonly JobName[];
}

/**
 * Every job name has exactly one handler, on the queue the job is sent to. Checked when the worker
 * starts, so a job added without a handler fails the start-up, not a job weeks later.
 */
export function assertEveryJobHandled(handlers: JobHandlerDeclaration[]): void {
  const problems: string[] = [];
  for (const job of Object.values(JobName)) {
    const owners = handlers.filter((h) => h.jobs.includes(job));
    if (owners.length === 0) problems.push(`${job} has no handler`);
    if (owners.length > 1) problems.push(`${job} is handled by ${owners.map((o) => o.name).join(' and ')}`);
    for (const owner of owners) {
      if (owner.queue !== JOB_QUEUE[job]) {
        problems.push(`${job} is sent to the ${JOB_QUEUE[job]} queue but ${owner.name} listens on ${owner.queue}`);
      }
    }
  }
  if (problems.length) throw new Error(`Job handlers are incomplete:\n  ${problems.join('\n  ')}`);
}
