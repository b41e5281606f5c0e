import { describe, expect, it } from 'vitest';
import { formatDuration, instantsOfWallTime, wallDate, wallClock } from '../../../src/shared/wall-clock';

const iso = (instants: number[]) => instants.map((instant) => new Date(instant).toISOString());

describe('the instants a wall clock shows a time', () => {
  it('finds the one instant of an ordinary time', () => {
    expect(iso(instantsOfWallTime('2026-12-07', 19 * 60 + 30, 'Europe/London'))).toEqual([
      '2026-12-07T19:30:00.000Z',
    ]);
    expect(iso(instantsOfWallTime('2026-07-06', 8 * 60, 'Europe/London'))).toEqual([
      '2026-07-06T07:00:00.000Z',
    ]);
  });

  it('finds none for a time skipped when the clocks go forward', () => {
    expect(instantsOfWallTime('2026-03-29', 60 + 30, 'Europe/London')).toEqual([]);
  });

  it('finds both, earliest first, for a time repeated when the clocks go back', () => {
    expect(iso(instantsOfWallTime('2026-10-25', 60 + 30, 'Europe/London'))).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
  });

  it('writes the wall clock’s date as staff write dates', () => {
    expect(wallDate(wallClock(Date.parse('2026-01-05T03:00:00Z'), 'America/New_York'))).toBe('2026-01-04');
  });
});

describe('a duration as staff read it', () => {
  it('gives minutes alone under an hour, hours and minutes under a day, then days and hours', () => {
    expect(formatDuration(7 * 60 + 59)).toBe('7 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59 * 60)).toBe('3 d 4 h');
  });
});
