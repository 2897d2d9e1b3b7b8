import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, remaining, utcOffset } from './time';

describe('times in a competition’s zone', () => {
  const at = '2026-12-15T16:59:00.000Z';

  it('shows the wall clock of the zone, Russian and English', () => {
    expect(formatDateTime(at, 'Asia/Krasnoyarsk', 'ru')).toBe('15 декабря 2026, 23:59');
    expect(formatDateTime(at, 'Europe/Moscow', 'ru')).toBe('15 декабря 2026, 19:59');
    expect(formatDateTime(at, 'Asia/Krasnoyarsk', 'en')).toBe('15 December 2026, 23:59');
    expect(formatDate('2026-12-31T17:30:00.000Z', 'Asia/Krasnoyarsk', 'ru')).toBe('1 января 2027');
  });

  it('names the offset', () => {
    expect(utcOffset(at, 'Asia/Krasnoyarsk')).toBe('UTC+7');
    expect(utcOffset(at, 'Asia/Kolkata')).toBe('UTC+5:30');
    expect(utcOffset(at, 'UTC')).toBe('UTC');
    expect(utcOffset(at, 'America/Sao_Paulo')).toBe('UTC−3');
  });

  it('counts down to the second and stops at zero', () => {
    const now = Date.parse(at) - (2 * 86400 + 3 * 3600 + 4 * 60 + 5) * 1000;
    expect(remaining(at, now)).toMatchObject({ days: 2, hours: 3, minutes: 4, seconds: 5 });
    expect(remaining(at, Date.parse(at) + 1000)).toMatchObject({ ms: 0, days: 0, seconds: 0 });
  });
});
