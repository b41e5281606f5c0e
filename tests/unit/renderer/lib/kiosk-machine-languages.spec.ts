import { systemClock } from '../../../../src/shared/clock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskMachine, type KioskTiming } from '../../../../src/renderer/src/lib/kiosk-machine';

// The real clock, driven by vitest's fake timers.
const clock = systemClock;

/** Two slides in English and Spanish; the loop shows each slide in both, Spanish for longer. */
const rotating: KioskTiming = {
  slideSeconds: [2, 2],
  idleSeconds: 6,
  warningSeconds: 3,
  languageCount: 2,
  loop: [
    { slide: 0, language: 0, seconds: 2 },
    { slide: 0, language: 1, seconds: 3 },
    { slide: 1, language: 0, seconds: 2 },
  ],
};

const start = (timing: KioskTiming = rotating) => new KioskMachine(timing, clock, () => undefined);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('languages in the attract loop', () => {
  it('walks the loop’s steps, each slide in each of its languages for that step’s time, and wraps', () => {
    const machine = start();
    const seen = [machine.view];
    for (const ms of [2000, 3000, 2000]) {
      vi.advanceTimersByTime(ms - 1);
      expect(machine.view).toBe(seen.at(-1));
      vi.advanceTimersByTime(1);
      seen.push(machine.view);
    }
    expect(seen.map(({ slide, language }) => [slide, language])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it('shows only the default language when no loop is given', () => {
    const machine = start({ ...rotating, loop: undefined });
    vi.advanceTimersByTime(2000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 1, language: 0 });
  });

  it('refuses a loop that is empty or names a slide or language that does not exist', () => {
    expect(() => start({ ...rotating, loop: [] })).toThrow(RangeError);
    expect(() => start({ ...rotating, loop: [{ slide: 2, language: 0, seconds: 2 }] })).toThrow(RangeError);
    expect(() => start({ ...rotating, loop: [{ slide: 0, language: 2, seconds: 2 }] })).toThrow(RangeError);
    expect(() => start({ ...rotating, loop: [{ slide: 0, language: 0, seconds: 0 }] })).toThrow(RangeError);
  });
});

describe('languages in touch mode', () => {
  it('keeps the language that was showing when the patient touched', () => {
    const machine = start();
    vi.advanceTimersByTime(2000);
    machine.activity();
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 1, panel: 'none' });
    machine.next();
    expect(machine.view.language).toBe(1);
  });

  it('lets the patient choose another language, keeping their slide and restarting the idle time', () => {
    const machine = start();
    machine.activity();
    machine.next();
    vi.advanceTimersByTime(5000);
    machine.chooseLanguage(1);
    expect(machine.view).toEqual({ mode: 'touch', slide: 1, language: 1, panel: 'none' });
    vi.advanceTimersByTime(5000);
    expect(machine.view.mode).toBe('touch');
  });

  it('ignores a language that does not exist, and a choice made while looping', () => {
    const machine = start();
    machine.chooseLanguage(1);
    expect(machine.view.language).toBe(0);
    machine.activity();
    machine.chooseLanguage(2);
    machine.chooseLanguage(-1);
    expect(machine.view.language).toBe(0);
  });

  it('comes back to the default language after the idle return and after "Back to start"', () => {
    const machine = start();
    machine.activity();
    machine.chooseLanguage(1);
    vi.advanceTimersByTime(6000);
    expect(machine.view).toMatchObject({ mode: 'warning', language: 1 });
    vi.advanceTimersByTime(3000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });

    machine.activity();
    machine.chooseLanguage(1);
    machine.backToStart();
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
  });

  it('starts the loop from its first step again after returning to the start', () => {
    const machine = start();
    vi.advanceTimersByTime(2000);
    machine.activity();
    machine.backToStart();
    vi.advanceTimersByTime(2000);
    expect(machine.view).toEqual({ mode: 'attract', slide: 0, language: 1 });
  });
});

describe('languages when the content changes', () => {
  it('keeps the patient’s language at its new position, or falls back to the default one', () => {
    const machine = start();
    machine.activity();
    machine.chooseLanguage(1);
    machine.replaceTiming({ ...rotating, languageCount: 3, loop: undefined }, 0, 2);
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 2, panel: 'none' });
    machine.replaceTiming({ ...rotating, languageCount: 1, loop: undefined }, 0, undefined);
    expect(machine.view).toEqual({ mode: 'touch', slide: 0, language: 0, panel: 'none' });
  });
});
