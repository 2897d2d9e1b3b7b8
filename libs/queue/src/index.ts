export * from './queue-names';
export * from './job-options';
export * from './job-queue';
export * from './queue.module';
export * from './redis.provider';
export * from './queue-keys';
export * from './job-handlers';
export * from './within-timeout';
