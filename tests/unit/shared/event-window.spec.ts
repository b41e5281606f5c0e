import { describe, expect, it } from 'vitest';
import { createEventWindow } from '../../../src/shared/event-window';

describe('the event window', () => {
  it('counts the events within the window ending at each one', () => {
    const recent = createEventWindow(1_000);
    expect([recent.record(0), recent.record(500), recent.record(999), recent.record(1_000)]).toEqual([
      1, 2, 3, 3,
    ]);
  });

  it('says how many are within the window without recording one', () => {
    const recent = createEventWindow(1_000);
    recent.record(0);
    recent.record(600);
    expect(recent.count(700)).toBe(2);
    expect(recent.count(700)).toBe(2);
    expect(recent.count(1_000)).toBe(1);
    expect(recent.count(1_600)).toBe(0);
  });

  it('forgets everything when cleared', () => {
    const recent = createEventWindow(1_000);
    recent.record(0);
    recent.clear();
    expect(recent.count(0)).toBe(0);
    expect(recent.record(0)).toBe(1);
  });
});
