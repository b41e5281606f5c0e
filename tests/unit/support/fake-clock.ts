import type { Clock, TimerHandle } from '../../../src/shared/clock';

interface Pending {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A clock that moves only when the test says: `advance(ms)` runs every timer that falls due on
 * the way, in time order, each at its own moment; `set(time)` jumps the wall clock without
 * running any or moving them (as a clock set by hand does: timers count elapsed time).
 */
export class FakeClock implements Clock {
  /** Elapsed time, which timers follow. */
  #elapsed = 0;
  /** The wall clock minus the elapsed time. */
  #offset: number;
  #nextId = 1;
  #pending: Pending[] = [];

  constructor(start: number | string = '2026-03-02T09:00:00Z') {
    this.#offset = typeof start === 'string' ? Date.parse(start) : start;
  }

  now = (): number => this.#offset + this.#elapsed;

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const id = this.#nextId++;
    this.#pending.push({ id, at: this.#elapsed + Math.max(0, ms), callback });
    return id;
  };

  clearTimeout = (handle: TimerHandle | undefined): void => {
    this.#pending = this.#pending.filter((timer) => timer.id !== handle);
  };

  /** How many timers are waiting. */
  get pendingTimers(): number {
    return this.#pending.length;
  }

  advance(ms: number): void {
    const end = this.#elapsed + ms;
    for (;;) {
      const due = this.#pending
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.#pending = this.#pending.filter((timer) => timer !== due);
      this.#elapsed = Math.max(this.#elapsed, due.at);
      due.callback();
    }
    this.#elapsed = end;
  }

  set(time: number | string): void {
    this.#offset = (typeof time === 'string' ? Date.parse(time) : time) - this.#elapsed;
  }
}
