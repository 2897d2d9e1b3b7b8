import { ClockOffset } from './clock-offset';

/**
 * A simulated database clock and a process clock that is off by `skew` and runs `drift` fast; a round
 * trip takes `up` ms to the database and `down` ms back.
 */
function world(skewMs: number, driftPpm = 0) {
  let real = 1_780_000_000_000; // true time, which the database clock shows
  const local = () => real + skewMs + ((real - 1_780_000_000_000) * driftPpm) / 1e6;
  return {
    advance: (ms: number) => (real += ms),
    local,
    db: () => real,
    /** One sync: the query reaches the database after `up` ms, the answer is back after `down` more. */
    sync(clock: ClockOffset, up: number, down: number) {
      const sent = local();
      real += up;
      const dbTime = real;
      real += down;
      clock.record(sent, dbTime, local());
    },
  };
}

describe('ClockOffset: arrival stamps on the database clock', () => {
  it('stamps database time although the process clock is 7 minutes ahead', () => {
    const w = world(7 * 60_000);
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 10_000 });
    w.sync(clock, 2, 2);
    w.advance(1234);
    const reading = clock.read(w.local());
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(Math.abs(reading.at - w.db())).toBeLessThanOrEqual(reading.errorMs);
    expect(reading.errorMs).toBeLessThan(5);
  });

  it('stays within its stated bound when the round trip is lopsided', () => {
    // The whole round trip spent on the way there: the midpoint guess is off by half of it, no more.
    const w = world(-90_000);
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 10_000 });
    w.sync(clock, 30, 0);
    const reading = clock.read(w.local());
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(Math.abs(reading.at - w.db())).toBeGreaterThan(10); // really off…
    expect(Math.abs(reading.at - w.db())).toBeLessThanOrEqual(reading.errorMs); // …but within the bound
  });

  it('keeps the tight sample when later round trips are slow (a busy event loop)', () => {
    const w = world(3000);
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 10_000 });
    w.sync(clock, 1, 1);
    const tight = clock.sample!;
    for (let i = 0; i < 5; i++) {
      w.advance(2000);
      w.sync(clock, 400, 20); // 420 ms round trips, very lopsided
    }
    expect(clock.sample!.localMid).toBe(tight.localMid);
    const reading = clock.read(w.local());
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(Math.abs(reading.at - w.db())).toBeLessThanOrEqual(2);
  });

  it('refuses to stamp when the only round trips are too slow to bound the error', () => {
    const w = world(0);
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 10_000 });
    w.sync(clock, 80, 80);
    const reading = clock.read(w.local());
    expect(reading).toEqual(expect.objectContaining({ ok: false, reason: 'uncertain' }));
    // A fast round trip later restores it.
    w.advance(2000);
    w.sync(clock, 3, 3);
    expect(clock.read(w.local()).ok).toBe(true);
  });

  it('refuses to stamp before the first sync and when the database stopped answering', () => {
    const w = world(0);
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 10_000 });
    expect(clock.read(w.local())).toEqual({ ok: false, reason: 'unsynced' });
    w.sync(clock, 1, 1);
    w.advance(9_000);
    expect(clock.read(w.local()).ok).toBe(true);
    w.advance(2_000); // 11 s without a successful sync
    expect(clock.read(w.local())).toEqual({ ok: false, reason: 'stale' });
  });

  it('lets the error grow with the drift, and replaces an aged sample by a fresher one', () => {
    const w = world(500, 150); // the process clock runs 150 ppm fast
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 600_000, driftPpm: 200 });
    w.sync(clock, 1, 1);
    w.advance(300_000); // five minutes: 45 ms of real drift, 60 ms of allowed drift
    const aged = clock.read(w.local());
    expect(aged).toEqual(expect.objectContaining({ ok: false, reason: 'uncertain' }));
    w.sync(clock, 5, 5);
    const fresh = clock.read(w.local());
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(Math.abs(fresh.at - w.db())).toBeLessThanOrEqual(fresh.errorMs);
  });

  it('follows a step of the database clock instead of trusting the old offset', () => {
    const w = world(0);
    const clock = new ClockOffset({ maxErrorMs: 50, maxAgeMs: 10_000 });
    w.sync(clock, 1, 1);
    w.advance(1000);
    // The local clock steps back 2 s (or the database clock forward): the samples no longer agree.
    const shifted = world(-2000);
    shifted.advance(w.db() - shifted.db());
    shifted.sync(clock, 10, 10);
    const reading = clock.read(shifted.local());
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(Math.abs(reading.at - shifted.db())).toBeLessThanOrEqual(reading.errorMs);
  });
});
