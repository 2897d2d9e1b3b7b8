import { reminderRunAt, zonedTimeToUtc } from './deadline-times';

describe('deadline times in the competition time zone', () => {
  it('sends the reminder at 10:00 local time N calendar days before the deadline', () => {
    // 17 October 2026, 23:30 in Krasnoyarsk (UTC+7) is 16:30 UTC.
    const deadline = new Date('2026-10-17T16:30:00Z');
    expect(reminderRunAt(deadline, 1, 'Asia/Krasnoyarsk').toISOString()).toBe('2026-10-16T03:00:00.000Z');
    expect(reminderRunAt(deadline, 7, 'Asia/Krasnoyarsk').toISOString()).toBe('2026-10-10T03:00:00.000Z');
  });

  it('counts days by the local date, not the UTC date', () => {
    // 18 October 01:00 in Krasnoyarsk is still 17 October in UTC.
    const deadline = new Date('2026-10-17T18:00:00Z');
    expect(reminderRunAt(deadline, 1, 'Asia/Krasnoyarsk').toISOString()).toBe('2026-10-17T03:00:00.000Z');
  });

  it('handles zones with daylight saving time', () => {
    // Berlin switches to winter time on 25 October 2026: 10:00 local is 08:00 UTC before, 09:00 UTC after.
    expect(new Date(zonedTimeToUtc(2026, 10, 24, 10, 0, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-24T08:00:00.000Z',
    );
    expect(new Date(zonedTimeToUtc(2026, 10, 26, 10, 0, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });
});
