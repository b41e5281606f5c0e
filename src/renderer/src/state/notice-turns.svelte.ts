import { systemClock, type Clock, type TimerHandle } from '../../../shared/clock';
import type { Notice, NoticeText } from '../../../shared/content';

/** One turn of an urgent notice on screen: the notice, in one of its languages. */
export interface NoticeTurn {
  readonly notice: Notice;
  readonly text: NoticeText;
  readonly seconds: number;
}

/**
 * Long enough for a slow reader (two words a second) to read the notice, and to find it again:
 * never shorter than 10 seconds nor longer than a minute.
 */
export function readingSeconds(text: NoticeText): number {
  const words = `${text.title} ${text.bodyHtml.replace(/<[^>]*>/g, ' ')}`.split(/\s+/).filter(Boolean).length;
  return Math.min(60, Math.max(10, Math.round(6 + words / 2)));
}

/**
 * The urgent notices on screen, each in every language it has, in turn: what shows now, and a
 * timer to the next turn (none when there is only one).
 */
export class NoticeTurns {
  index = $state(0);
  readonly turns: readonly NoticeTurn[];
  readonly #clock: Clock;
  #timer: TimerHandle | undefined;

  constructor(notices: readonly Notice[], clock: Clock = systemClock) {
    this.turns = notices.flatMap((notice) =>
      notice.texts.map((text) => ({ notice, text, seconds: readingSeconds(text) })),
    );
    this.#clock = clock;
    this.#schedule();
  }

  get current(): NoticeTurn | undefined {
    return this.turns[this.index];
  }

  dispose(): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    const turn = this.current;
    if (turn === undefined || this.turns.length < 2) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.index = (this.index + 1) % this.turns.length;
      this.#schedule();
    }, turn.seconds * 1000);
  }
}
