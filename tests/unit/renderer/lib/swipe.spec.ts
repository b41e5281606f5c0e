import { describe, expect, it } from 'vitest';
import { classifySwipe, SWIPE_MIN_DISTANCE } from '../../../../src/renderer/src/lib/swipe';

describe('swipe', () => {
  it('reads a leftward swipe as next and a rightward one as previous', () => {
    expect(classifySwipe({ x: 500, y: 300 }, { x: 300, y: 310 })).toBe('next');
    expect(classifySwipe({ x: 300, y: 300 }, { x: 500, y: 290 })).toBe('previous');
  });

  it('mirrors the directions for right-to-left languages', () => {
    expect(classifySwipe({ x: 500, y: 300 }, { x: 300, y: 300 }, true)).toBe('previous');
    expect(classifySwipe({ x: 300, y: 300 }, { x: 500, y: 300 }, true)).toBe('next');
  });

  it('ignores a movement shorter than a deliberate swipe', () => {
    expect(classifySwipe({ x: 500, y: 300 }, { x: 500 - SWIPE_MIN_DISTANCE + 1, y: 300 })).toBeUndefined();
    expect(classifySwipe({ x: 500, y: 300 }, { x: 500 - SWIPE_MIN_DISTANCE, y: 300 })).toBe('next');
  });

  it('ignores a mostly vertical movement, such as scrolling', () => {
    expect(classifySwipe({ x: 500, y: 100 }, { x: 400, y: 400 })).toBeUndefined();
  });
});
