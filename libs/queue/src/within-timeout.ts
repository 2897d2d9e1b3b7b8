/** Rejection of `withinTimeout`: the dependency did not answer in time. */
export class TimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer in ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Bounds a call to a dependency. BullMQ's and ioredis's connections queue commands while Redis is away,
 * so without a bound a caller would wait for as long as the outage lasts. The timer never keeps the
 * process alive and is cleared once the call settles.
 */
export async function withinTimeout<T>(work: Promise<T>, ms: number, what = 'Redis'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
