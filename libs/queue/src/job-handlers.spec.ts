import { assertEveryJobHandled, JobHandlerDeclaration } from './job-handlers';
import { JOB_QUEUE, JobName, QueueName } from './queue-names';

const complete = (): JobHandlerDeclaration[] =>
  Object.values(QueueName).map((queue) => ({
    name: `${queue}-processor`,
    queue,
    jobs: Object.values(JobName).filter((job) => JOB_QUEUE[job] === queue),
  }));

describe('assertEveryJobHandled', () => {
  it('accepts one handler per job on its own queue', () => {
    expect(() => assertEveryJobHandled(complete())).not.toThrow();
  });

  it('names a job without a handler', () => {
    const handlers = complete().map((h) => ({ ...h, jobs: h.jobs.filter((j) => j !== JobName.ReviewOverdue) }));
    expect(() => assertEveryJobHandled(handlers)).toThrow(/review\.overdue has no handler/);
  });

  it('names a job handled twice or on the wrong queue', () => {
    const handlers = complete();
    handlers.push({ name: 'stray', queue: QueueName.Statistics, jobs: [JobName.CloseSubmission] });
    expect(() => assertEveryJobHandled(handlers)).toThrow(
      /competition\.close is handled by deadlines-processor and stray/,
    );
    expect(() => assertEveryJobHandled(handlers)).toThrow(
      /sent to the deadlines queue but stray listens on statistics/,
    );
  });
});
