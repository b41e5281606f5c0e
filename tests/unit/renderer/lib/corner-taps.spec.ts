import { describe, expect, it } from 'vitest';
import { createCornerTapDetector, STAFF_GESTURE } from '../../../../src/renderer/src/lib/corner-taps';

function tapTimes(
  detector: ReturnType<typeof createCornerTapDetector>,
  times: number[],
  at = { x: 10, y: 10 },
) {
  return times.map((time) => detector(at.x, at.y, time));
}

describe('staff gesture', () => {
  it('opens on the fifth tap in the top-left corner within three seconds', () => {
    expect(tapTimes(createCornerTapDetector(), [0, 500, 1000, 1500, 2000])).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('does not open when the taps are spread over more than three seconds', () => {
    expect(tapTimes(createCornerTapDetector(), [0, 800, 1600, 2400, 3200])).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keeps counting the recent taps when an old one falls out of the window', () => {
    expect(tapTimes(createCornerTapDetector(), [0, 800, 1600, 2400, 3200, 3300])).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('starts again after a tap anywhere else', () => {
    const detector = createCornerTapDetector();
    tapTimes(detector, [0, 100, 200, 300]);
    expect(detector(STAFF_GESTURE.cornerSize + 1, 10, 400)).toBe(false);
    expect(detector(10, 10, 500)).toBe(false);
  });

  it('needs a fresh set of five taps after opening', () => {
    const detector = createCornerTapDetector();
    tapTimes(detector, [0, 100, 200, 300, 400]);
    expect(detector(10, 10, 500)).toBe(false);
  });
});
