/**
 * The offset of the database clock (`clock_timestamp()`) from a local monotonic clock, estimated from
 * round trips the way NTP does: a sample sent at local `t0`, answered with database time `d`, received at
 * local `t1` says the database clock read `d` somewhere in [t0, t1], so `offset = d - (t0 + t1) / 2` is
 * off by at most half the round trip. Between samples the two clocks drift apart by at most `driftPpm`,
 * so a sample's error grows with its age. The estimate kept is the sample whose error is smallest now;
 * a slow round trip (a busy event loop, a queued connection) never replaces a better earlier one.
 *
 * Pure: the local clock is whatever the caller passes in (the api uses `performance.timeOrigin +
 * performance.now()`, which a wall-clock step of the process does not move).
 */
export interface ClockOffsetOptions {
  /** Refuse to stamp when the bound on the error exceeds this (ms). */
  maxErrorMs: number;
  /** Refuse to stamp when the last successful sample is older than this (ms): the database is out of reach. */
  maxAgeMs: number;
  /** Worst relative drift between the two clocks, parts per million (200 covers ordinary quartz). */
  driftPpm?: number;
}

export interface ClockSample {
  /** Local time at the middle of the round trip. */
  localMid: number;
  /** Database time minus local time. */
  offset: number;
  /** Half the round trip: the error bound of this sample when it was taken. */
  halfRoundTrip: number;
}

export type ClockReading =
  | { ok: true; at: number; errorMs: number }
  | { ok: false; reason: 'unsynced' | 'stale' | 'uncertain'; errorMs?: number };

/** Database time resolution (µs) and our ms truncation add at most this to every bound. */
const RESOLUTION_MS = 1;

export class ClockOffset {
  private best: ClockSample | undefined;
  private lastSuccess: number | undefined;
  private readonly drift: number;

  constructor(private readonly options: ClockOffsetOptions) {
    this.drift = (options.driftPpm ?? 200) / 1e6;
  }

  /** Error bound of a sample at local time `now`. */
  private errorOf(sample: ClockSample, now: number): number {
    return sample.halfRoundTrip + this.drift * Math.max(0, now - sample.localMid) + RESOLUTION_MS;
  }

  /** A round trip: local time before sending, the database's answer, local time on receipt. */
  record(localSent: number, databaseTime: number, localReceived: number): void {
    if (!(localReceived >= localSent)) return; // a clock that went backwards is not a sample
    const sample: ClockSample = {
      localMid: (localSent + localReceived) / 2,
      offset: databaseTime - (localSent + localReceived) / 2,
      halfRoundTrip: (localReceived - localSent) / 2,
    };
    this.lastSuccess = localReceived;
    const best = this.best;
    if (!best) {
      this.best = sample;
      return;
    }
    const bestError = this.errorOf(best, localReceived);
    const sampleError = this.errorOf(sample, localReceived);
    // Two samples whose intervals do not overlap cannot both be right: the database clock was stepped
    // (or the drift is worse than assumed). Trust the fresh one.
    const disagree = Math.abs(sample.offset - best.offset) > bestError + sampleError;
    if (disagree || sampleError <= bestError) this.best = sample;
  }

  /** The offset in use and its error bound at `now`, without the freshness rules. */
  get sample(): ClockSample | undefined {
    return this.best;
  }

  /** The database time at local time `now`, truncated to the millisecond, when it can be trusted. */
  read(now: number): ClockReading {
    const best = this.best;
    if (!best || this.lastSuccess === undefined) return { ok: false, reason: 'unsynced' };
    if (now - this.lastSuccess > this.options.maxAgeMs) return { ok: false, reason: 'stale' };
    const errorMs = this.errorOf(best, now);
    if (errorMs > this.options.maxErrorMs) return { ok: false, reason: 'uncertain', errorMs };
    return { ok: true, at: Math.floor(now + best.offset), errorMs };
  }
}
