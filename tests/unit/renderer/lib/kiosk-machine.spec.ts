import { systemClock } from '../../../../src/shared/clock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  KioskMachine,
  type KioskTiming,
  type KioskView,
} from '../../../../src/renderer/src/lib/kiosk-machine';

const timing: KioskTiming = { slideSeconds: [2, 2, 4], idleSeconds: 6, warningSeconds: 3 };

// The real clock, driven by vitest's fake timers.
const clock = systemClock;

function start(overrides: Partial<KioskTiming> = {}) {
  const changes: KioskView[] = [];
  const machine = new KioskMachine({ ...timing, ...overrides }, clock, (view) => changes.push(view));
  return { machine, changes };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('attract loop', () => {
  it('starts on the first slide', () => {
    expect(start().machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('advances after each slide’s own time and wraps around to the first', () => {
    const { machine } = start();
    vi.advanceTimersByTime(1999);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
    vi.advanceTimersByTime(1);
    expect(machine.view).toEqual({ mode: 'attract', slide: 1, language: 0 });
    vi.advanceTimersByTime(2000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 2, language: 0 });
    vi.advanceTimersByTime(3999);
    expect(machine.view).toEqual({ mode: 'attract', slide: 2, language: 0 });
    vi.advanceTimersByTime(1);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('keeps a single timer pending, whatever happens', () => {
    const { machine } = start();
    expect(vi.getTimerCount()).toBe(1);
    machine.activity();
    machine.next();
    machine.openDetails();
    machine.activity();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(6000);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('sets no timer at all for a one-slide loop', () => {
    const { machine, changes } = start({ slideSeconds: [5] });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(changes).toEqual([]);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('ignores navigation while looping', () => {
    const { machine } = start();
    machine.next();
    machine.goTo(2);
    machine.openDetails();
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('refuses timings with no slides or non-positive durations', () => {
    expect(() => start({ slideSeconds: [] })).toThrow(RangeError);
    expect(() => start({ slideSeconds: [2, 0] })).toThrow(RangeError);
    expect(() => start({ idleSeconds: -1 })).toThrow(RangeError);
  });
});

describe('touch navigation', () => {
  it('uses the first touch only to enter touch mode on the slide that was showing', () => {
    const { machine } = start();
    vi.advanceTimersByTime(2000);
    expect(machine.activity()).toBe(true);
    expect(machine.view).toEqual({ mode: 'touch', slide: 1, language: 0, panel: 'none' });
    expect(machine.activity()).toBe(false);
    expect(machine.view).toEqual({ mode: 'touch', slide: 1, language: 0, panel: 'none' });
  });

  it('stops the loop while in touch mode', () => {
    const { machine } = start({ idleSeconds: 600 });
    machine.activity();
    vi.advanceTimersByTime(30_000);
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 0, panel: 'none' });
  });

  it('moves forward and back, wrapping at both ends', () => {
    const { machine } = start();
    machine.activity();
    machine.previous();
    expect(machine.view.slide).toBe(2);
    machine.next();
    expect(machine.view.slide).toBe(0);
    machine.next();
    expect(machine.view.slide).toBe(1);
  });

  it('jumps to any slide from the list and ignores slides that do not exist', () => {
    const { machine } = start();
    machine.activity();
    machine.goTo(2);
    expect(machine.view.slide).toBe(2);
    machine.goTo(3);
    machine.goTo(-1);
    machine.goTo(1.5);
    expect(machine.view.slide).toBe(2);
  });

  it('opens and closes the longer text, and closes it when the slide changes', () => {
    const { machine } = start();
    machine.activity();
    machine.openDetails();
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 0, panel: 'details' });
    machine.closePanel();
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 0, panel: 'none' });
    machine.openDetails();
    machine.next();
    expect(machine.view).toEqual({ mode: 'touch', slide: 1, language: 0, panel: 'none' });
  });

  it('opens the list of all topics, and closes it when a topic is chosen', () => {
    const { machine } = start();
    machine.activity();
    machine.openTopics();
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 0, panel: 'topics' });
    machine.goTo(2);
    expect(machine.view).toEqual({ mode: 'touch', slide: 2, language: 0, panel: 'none' });
  });

  it('goes back to the loop at the first slide on "Back to start"', () => {
    const { machine } = start();
    machine.activity();
    machine.goTo(2);
    machine.backToStart();
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
    vi.advanceTimersByTime(2000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 1, language: 0 });
  });
});

describe('idle return', () => {
  it('asks "Still there?" after the idle time, counting down each second', () => {
    const { machine } = start();
    machine.activity();
    machine.next();
    vi.advanceTimersByTime(5999);
    expect(machine.view.mode).toBe('touch');
    vi.advanceTimersByTime(1);
    expect(machine.view).toEqual({ mode: 'warning', slide: 1, language: 0, panel: 'none', secondsLeft: 3 });
    vi.advanceTimersByTime(1000);
    expect(machine.view).toEqual({ mode: 'warning', slide: 1, language: 0, panel: 'none', secondsLeft: 2 });
    vi.advanceTimersByTime(1000);
    expect(machine.view).toEqual({ mode: 'warning', slide: 1, language: 0, panel: 'none', secondsLeft: 1 });
  });

  it('returns to the first slide of the loop when the countdown ends', () => {
    const { machine } = start();
    machine.activity();
    machine.goTo(2);
    vi.advanceTimersByTime(6000 + 3000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('keeps the patient where they were when they touch during the countdown', () => {
    const { machine } = start();
    machine.activity();
    machine.goTo(2);
    machine.openDetails();
    vi.advanceTimersByTime(6000 + 1000);
    expect(machine.activity()).toBe(true);
    expect(machine.view).toEqual({ mode: 'touch', slide: 2, language: 0, panel: 'details' });
    vi.advanceTimersByTime(5999);
    expect(machine.view.mode).toBe('touch');
  });

  it('restarts the idle time on every input', () => {
    const { machine } = start();
    machine.activity();
    vi.advanceTimersByTime(5000);
    machine.activity();
    vi.advanceTimersByTime(5000);
    expect(machine.view.mode).toBe('touch');
    vi.advanceTimersByTime(1000);
    expect(machine.view.mode).toBe('warning');
  });

  it('does not time out while the patient listens, and gives the full idle time once they are done', () => {
    const { machine } = start();
    machine.activity();
    vi.advanceTimersByTime(5000);
    machine.hold(true);
    vi.advanceTimersByTime(60_000);
    machine.next();
    vi.advanceTimersByTime(60_000);
    expect(machine.view).toMatchObject({ mode: 'touch', slide: 1 });
    machine.hold(false);
    vi.advanceTimersByTime(5999);
    expect(machine.view.mode).toBe('touch');
    vi.advanceTimersByTime(1);
    expect(machine.view.mode).toBe('warning');
  });

  it('counts "Still there?" down even while something is read aloud: a touch answers it', () => {
    const { machine } = start();
    machine.activity();
    vi.advanceTimersByTime(6000);
    machine.hold(true);
    vi.advanceTimersByTime(3000);
    expect(machine.view.mode).toBe('attract');
  });

  it('keeps the loop turning whatever is held', () => {
    const { machine } = start();
    machine.hold(true);
    vi.advanceTimersByTime(2000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 1, language: 0 });
  });

  it('goes straight back to the loop when the warning is switched off', () => {
    const { machine } = start({ warningSeconds: 0 });
    machine.activity();
    machine.next();
    vi.advanceTimersByTime(6000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });
});

describe('content reload', () => {
  it('keeps a patient in touch mode on their slide when it still exists', () => {
    const { machine } = start();
    machine.activity();
    machine.goTo(2);
    machine.replaceTiming({ ...timing, slideSeconds: [2, 2, 2, 2] }, 3);
    expect(machine.view).toEqual({ mode: 'touch', slide: 3, language: 0, panel: 'none' });
  });

  it('returns to the loop when the patient’s slide is gone', () => {
    const { machine } = start();
    machine.activity();
    machine.goTo(2);
    machine.replaceTiming({ ...timing, slideSeconds: [2, 2] }, undefined);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('restarts the loop from the first slide with the new timings', () => {
    const { machine } = start();
    vi.advanceTimersByTime(2000);
    machine.replaceTiming({ ...timing, slideSeconds: [5, 5] }, 1);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
    vi.advanceTimersByTime(4999);
    expect(machine.view.slide).toBe(0);
    vi.advanceTimersByTime(1);
    expect(machine.view.slide).toBe(1);
  });

  it('stops all timers when disposed', () => {
    const { machine, changes } = start();
    machine.dispose();
    vi.advanceTimersByTime(60_000);
    expect(changes).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
