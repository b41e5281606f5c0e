/**
 * What the kiosk is doing, independent of any framework or of Electron:
 *
 *   attract ──first touch──▶ touch ──idle──▶ warning ──countdown ends──▶ attract (first slide)
 *                              ▲                │
 *                              └───any touch────┘
 *
 * Time comes from an injected {@link Clock}, so tests drive it with a fake one. At most one timer
 * is pending at any moment: a looping screen should wake the CPU once per slide, not per frame.
 */

export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What is open over the slide in touch mode: its longer text, or the list of all topics. */
export type Panel = 'none' | 'details' | 'topics';

export type KioskView =
  | { readonly mode: 'attract'; readonly slide: number }
  | { readonly mode: 'touch'; readonly slide: number; readonly panel: Panel }
  | { readonly mode: 'warning'; readonly slide: number; readonly panel: Panel; readonly secondsLeft: number };

export interface KioskTiming {
  /** How long each slide stays up in the attract loop, in slide order. */
  readonly slideSeconds: readonly number[];
  readonly idleSeconds: number;
  /** 0: no "Still there?" prompt, straight back to the loop. */
  readonly warningSeconds: number;
}

const START: KioskView = { mode: 'attract', slide: 0 };

export class KioskMachine {
  #view: KioskView = START;
  #timing: KioskTiming;
  #timer: unknown = undefined;
  readonly #clock: Clock;
  readonly #onChange: (view: KioskView) => void;

  constructor(timing: KioskTiming, clock: Clock, onChange: (view: KioskView) => void) {
    assertTiming(timing);
    this.#timing = timing;
    this.#clock = clock;
    this.#onChange = onChange;
    this.#schedule();
  }

  get view(): KioskView {
    return this.#view;
  }

  get slideCount(): number {
    return this.#timing.slideSeconds.length;
  }

  /**
   * Any touch, click or key press. Returns true when the input was used up by waking the kiosk
   * (from the loop) or by dismissing the idle prompt: such an input must do nothing else.
   */
  activity(): boolean {
    const view = this.#view;
    if (view.mode === 'attract') {
      this.#set({ mode: 'touch', slide: view.slide, panel: 'none' });
      return true;
    }
    if (view.mode === 'warning') {
      this.#set({ mode: 'touch', slide: view.slide, panel: view.panel });
      return true;
    }
    this.#schedule();
    return false;
  }

  next(): void {
    this.#navigate((slide) => (slide + 1) % this.slideCount);
  }

  previous(): void {
    this.#navigate((slide) => (slide - 1 + this.slideCount) % this.slideCount);
  }

  goTo(slide: number): void {
    if (!Number.isInteger(slide) || slide < 0 || slide >= this.slideCount) return;
    this.#navigate(() => slide);
  }

  openDetails(): void {
    this.#openPanel('details');
  }

  openTopics(): void {
    this.#openPanel('topics');
  }

  closePanel(): void {
    this.#openPanel('none');
  }

  backToStart(): void {
    this.#set(START);
  }

  /**
   * New content. A patient in touch mode stays on `keepSlide` (their slide's new position) if it
   * still exists; otherwise, and in the loop, the kiosk starts again from the first slide.
   */
  replaceTiming(timing: KioskTiming, keepSlide?: number): void {
    assertTiming(timing);
    this.#timing = timing;
    const view = this.#view;
    const staysInTouch =
      view.mode !== 'attract' && keepSlide !== undefined && keepSlide >= 0 && keepSlide < this.slideCount;
    this.#set(staysInTouch ? { ...view, slide: keepSlide } : START);
  }

  dispose(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #openPanel(panel: Panel): void {
    if (this.#view.mode === 'touch') this.#set({ ...this.#view, panel });
  }

  #navigate(target: (slide: number) => number): void {
    const view = this.#view;
    if (view.mode !== 'touch') return;
    this.#set({ mode: 'touch', slide: target(view.slide), panel: 'none' });
  }

  #set(view: KioskView): void {
    this.#view = view;
    this.#schedule();
    this.#onChange(view);
  }

  #schedule(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const view = this.#view;
    // A one-slide loop has nothing to advance to: no reason to wake up at all.
    if (view.mode === 'attract' && this.slideCount === 1) return;
    const { delay, then } = this.#nextStep(view);
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#set(then());
    }, delay * 1000);
  }

  #nextStep(view: KioskView): { delay: number; then: () => KioskView } {
    const { slideSeconds, idleSeconds, warningSeconds } = this.#timing;
    switch (view.mode) {
      case 'attract':
        return {
          delay: slideSeconds[view.slide] ?? slideSeconds[0] ?? 1,
          then: () => ({ mode: 'attract', slide: (view.slide + 1) % slideSeconds.length }),
        };
      case 'touch':
        return {
          delay: idleSeconds,
          then: () =>
            warningSeconds > 0
              ? { mode: 'warning', slide: view.slide, panel: view.panel, secondsLeft: warningSeconds }
              : START,
        };
      case 'warning':
        return {
          delay: 1,
          then: () => (view.secondsLeft > 1 ? { ...view, secondsLeft: view.secondsLeft - 1 } : START),
        };
    }
  }
}

function assertTiming(timing: KioskTiming): void {
  if (timing.slideSeconds.length === 0) throw new RangeError('the kiosk needs at least one slide');
  const durations = [...timing.slideSeconds, timing.idleSeconds];
  if (durations.some((seconds) => !(seconds > 0)) || !(timing.warningSeconds >= 0)) {
    throw new RangeError('slide, idle and warning times must be positive numbers of seconds');
  }
}
