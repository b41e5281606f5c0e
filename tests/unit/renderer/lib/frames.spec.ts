import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from '../../../../src/renderer/src/lib/frames';

/** A stand-in for the page's animation timeline: each animation finishes when `drawFrame` is called. */
function fakeTimeline() {
  const running: { onfinish: (() => void) | null; cancelled: boolean; cancel(): void }[] = [];
  const animate = vi.fn(() => {
    const animation = {
      onfinish: null as (() => void) | null,
      cancelled: false,
      cancel() {
        this.cancelled = true;
      },
    };
    running.push(animation);
    return animation;
  });
  vi.stubGlobal('document', { documentElement: { animate } });
  return {
    animate,
    drawFrame() {
      for (const animation of running.splice(0)) if (!animation.cancelled) animation.onfinish?.();
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('after the next frame', () => {
  it('runs once the page has drawn a frame, not before', () => {
    const timeline = fakeTimeline();
    const then = vi.fn();
    afterNextFrame(then);
    expect(then).not.toHaveBeenCalled();
    timeline.drawFrame();
    expect(then).toHaveBeenCalledOnce();
  });

  it('uses an animation without effect, so nothing on screen changes for it', () => {
    const timeline = fakeTimeline();
    afterNextFrame(() => undefined);
    expect(timeline.animate).toHaveBeenCalledWith([], { duration: 1 });
  });

  it('never runs once cancelled', () => {
    const timeline = fakeTimeline();
    const then = vi.fn();
    const cancel = afterNextFrame(then);
    cancel();
    timeline.drawFrame();
    expect(then).not.toHaveBeenCalled();
  });
});
