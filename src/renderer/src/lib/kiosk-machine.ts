/**
 * What the kiosk is doing, independent of any framework or of Electron:
 *
 *   attract ──first touch──▶ touch ──idle──▶ warning ──countdown ends──▶ attract (first slide)
 *                              ▲                │
 *                              └───any touch────┘
 *
 * Time comes from an injected {@link Clock}, so tests drive it with a fake one. At most one timer
 * is pending at any moment: a looping screen should wake the CPU once per slide, not per frame.
 *
 * While the patient is busy without touching the screen (listening to it read aloud), the idle
 * timer is held: it starts again, from its full time, when they are done.
 *
 * Languages are indexes into the deck's languages, 0 being the default. The loop walks a list of
 * steps (slide, language, seconds): each slide in the default language, or with `rotate` each
 * slide in every language in turn. A touch keeps the language on screen; the patient may choose
 * another; returning to the start always comes back to the default language.
 */
import type { Clock, TimerHandle } from '../../../shared/clock';

/** What is open over the slide in touch mode: its longer text, or the list of all topics. */
export type Panel = 'none' | 'details' | 'topics';

export type KioskView =
  | { readonly mode: 'attract'; readonly slide: number; readonly language: number }
  | { readonly mode: 'touch'; readonly slide: number; readonly language: number; readonly panel: Panel }
  | {
      readonly mode: 'warning';
      readonly slide: number;
      readonly language: number;
      readonly panel: Panel;
      readonly secondsLeft: number;
    };

/** One showing in the attract loop. */
export interface LoopStep {
  readonly slide: number;
  readonly language: number;
  readonly seconds: number;
}

export interface KioskTiming {
  /** How long each slide stays up in the attract loop, in slide order. */
  readonly slideSeconds: readonly number[];
  readonly idleSeconds: number;
  /** 0: no "Still there?" prompt, straight back to the loop. */
  readonly warningSeconds: number;
  /** How many languages a patient can choose from; 1 when left out. */
  readonly languageCount?: number;
  /** What the loop shows, in order; left out, each slide in the default language for its `slideSeconds`. */
  readonly loop?: readonly LoopStep[];
}

const START: KioskView = { mode: 'attract', slide: 0, language: 0 };

export class KioskMachine {
  #view: KioskView = START;
  #timing: KioskTiming;
  #timer: TimerHandle | undefined = undefined;
  /** Where the loop is in `loopOf(timing)`: several steps may show the same slide. */
  #step = 0;
  /** The patient is busy without touching the screen (listening): touch mode does not time out. */
  #held = false;
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

  get languageCount(): number {
    return this.#timing.languageCount ?? 1;
  }

  /**
   * Any touch, click or key press. Returns true when the input was used up by waking the kiosk
   * (from the loop) or by dismissing the idle prompt: such an input must do nothing else.
   */
  activity(): boolean {
    const view = this.#view;
    if (view.mode === 'attract') {
      this.#set({ mode: 'touch', slide: view.slide, language: view.language, panel: 'none' });
      return true;
    }
    if (view.mode === 'warning') {
      this.#set({ mode: 'touch', slide: view.slide, language: view.language, panel: view.panel });
      return true;
    }
    this.#schedule();
    return false;
  }

  /**
   * The patient is busy without touching the screen (listening to it read aloud), or no longer
   * is. While held, touch mode does not time out; when released, the full idle time starts again.
   * The "Still there?" countdown, once shown, is not held: it is answered by a touch.
   */
  hold(held: boolean): void {
    if (held === this.#held) return;
    this.#held = held;
    if (this.#view.mode === 'touch') this.#schedule();
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

  /** The patient's choice of language, in touch mode; the slide and any open panel stay. */
  chooseLanguage(language: number): void {
    if (!Number.isInteger(language) || language < 0 || language >= this.languageCount) return;
    if (this.#view.mode === 'touch') this.#set({ ...this.#view, language });
  }

  backToStart(): void {
    this.#set(START);
  }

  /**
   * New content. A patient in touch mode stays on `keepSlide` (their slide's new position) if it
   * still exists, in `keepLanguage` (their language's new position) or else the default one;
   * otherwise, and in the loop, the kiosk starts again from the first slide.
   */
  replaceTiming(timing: KioskTiming, keepSlide?: number, keepLanguage?: number): void {
    assertTiming(timing);
    this.#timing = timing;
    const view = this.#view;
    const staysInTouch =
      view.mode !== 'attract' && keepSlide !== undefined && keepSlide >= 0 && keepSlide < this.slideCount;
    const language =
      keepLanguage !== undefined && keepLanguage >= 0 && keepLanguage < this.languageCount ? keepLanguage : 0;
    this.#set(staysInTouch ? { ...view, slide: keepSlide, language } : START);
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
    this.#set({ ...view, slide: target(view.slide), panel: 'none' });
  }

  #set(view: KioskView): void {
    if (view === START) this.#step = 0;
    this.#view = view;
    this.#schedule();
    this.#onChange(view);
  }

  #schedule(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const view = this.#view;
    // A one-step loop has nothing to advance to: no reason to wake up at all.
    if (view.mode === 'attract' && loopOf(this.#timing).length === 1) return;
    if (view.mode === 'touch' && this.#held) return;
    const { delay, then } = this.#nextStep(view);
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#set(then());
    }, delay * 1000);
  }

  #nextStep(view: KioskView): { delay: number; then: () => KioskView } {
    const { idleSeconds, warningSeconds } = this.#timing;
    switch (view.mode) {
      case 'attract': {
        const loop = loopOf(this.#timing);
        return {
          delay: loop[this.#step]?.seconds ?? 1,
          then: () => {
            this.#step = (this.#step + 1) % loop.length;
            const step = loop[this.#step] ?? { slide: 0, language: 0 };
            return { mode: 'attract', slide: step.slide, language: step.language };
          },
        };
      }
      case 'touch':
        return {
          delay: idleSeconds,
          then: () =>
            warningSeconds > 0
              ? {
                  mode: 'warning',
                  slide: view.slide,
                  language: view.language,
                  panel: view.panel,
                  secondsLeft: warningSeconds,
                }
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

function loopOf(timing: KioskTiming): readonly LoopStep[] {
  return timing.loop ?? timing.slideSeconds.map((seconds, slide) => ({ slide, language: 0, seconds }));
}

function assertTiming(timing: KioskTiming): void {
  if (timing.slideSeconds.length === 0) throw new RangeError('the kiosk needs at least one slide');
  const loop = loopOf(timing);
  const durations = [...timing.slideSeconds, ...loop.map((step) => step.seconds), timing.idleSeconds];
  if (durations.some((seconds) => !(seconds > 0)) || !(timing.warningSeconds >= 0)) {
    throw new RangeError('slide, idle and warning times must be positive numbers of seconds');
  }
  const languages = timing.languageCount ?? 1;
  const fits = (step: LoopStep) =>
    Number.isInteger(step.slide) &&
    step.slide >= 0 &&
    step.slide < timing.slideSeconds.length &&
    Number.isInteger(step.language) &&
    step.language >= 0 &&
    step.language < languages;
  if (loop.length === 0 || !loop.every(fits) || !(Number.isInteger(languages) && languages >= 1)) {
    throw new RangeError(
      'the loop must show at least one step, each an existing slide in an offered language',
    );
  }
}
