import type { Clock, TimerHandle } from '../../../shared/clock';
import type { KioskApi } from '../../../shared/kiosk-api';
import { MAX_USAGE_BATCH, type UsageEvent } from '../../../shared/usage';
import { reportError } from './errors';

/** How often the page sends what it noted: a power cut loses at most this, and the disk's few seconds. */
export const USAGE_SEND_EVERY_MS = 2_000;
/** Noted events beyond this, while the main process does not take them, are dropped, oldest first. */
const MAX_WAITING = 2_000;

/**
 * Notes each event at the cost of adding it to a list (the page's thread answers touches; it must
 * not wait on anything), and sends what it noted in one batch every two seconds. The main process
 * checks and writes it (src/main/usage.ts).
 */
export class UsageRecorder {
  #waiting: UsageEvent[] = [];
  #timer: TimerHandle | undefined;
  readonly #api: Pick<KioskApi, 'recordUsage'>;
  readonly #clock: Clock;

  constructor(api: Pick<KioskApi, 'recordUsage'>, clock: Clock) {
    this.#api = api;
    this.#clock = clock;
  }

  record = (event: UsageEvent): void => {
    this.#waiting.push(event);
    if (this.#waiting.length > MAX_WAITING) this.#waiting.splice(0, this.#waiting.length - MAX_WAITING);
    this.#timer ??= this.#clock.setTimeout(this.send, USAGE_SEND_EVERY_MS);
  };

  /** Sends what is waiting now. */
  send = (): void => {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, MAX_USAGE_BATCH);
      this.#api.recordUsage(batch).catch((error: unknown) => reportError(error, 'sending the record of use'));
    }
  };

  stop(): void {
    this.send();
  }
}
