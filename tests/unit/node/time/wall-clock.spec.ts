import { describe, expect, it } from 'vitest';
import { wallClock } from '../../../../src/node/time/wall-clock';

const at = (iso: string): number => Date.parse(iso);

describe('the wall clock in a time zone', () => {
  it('reads London in winter and in summer', () => {
    expect(wallClock(at('2024-01-15T12:00:00Z'), 'Europe/London')).toEqual({
      year: 2024,
      month: 1,
      day: 15,
      weekday: 'mon',
      minuteOfDay: 720,
      offsetMinutes: 0,
    });
    expect(wallClock(at('2024-07-15T12:00:00Z'), 'Europe/London')).toMatchObject({
      minuteOfDay: 780,
      offsetMinutes: 60,
    });
  });

  it('reads the date and weekday of the zone, not of UTC', () => {
    // 03:00 UTC on a Tuesday is still Monday evening in New York.
    expect(wallClock(at('2024-01-16T03:00:00Z'), 'America/New_York')).toMatchObject({
      day: 15,
      weekday: 'mon',
      minuteOfDay: 22 * 60,
      offsetMinutes: -300,
    });
  });

  it('shows midnight as 00:00', () => {
    expect(wallClock(at('2024-01-15T00:00:00Z'), 'UTC').minuteOfDay).toBe(0);
  });
});
