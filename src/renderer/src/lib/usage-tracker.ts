import type { UsageEvent, SessionEnd } from '../../../shared/usage';
import type { Panel } from './kiosk-machine';

/**
 * Turns what is on screen, moment by moment, into the record's events: how long each slide of the
 * loop and each notice was on screen (proof of play), and what happened in each touch session.
 * Pure, with the time passed in, so tests drive it with any screens in any order.
 */

/** An item on screen, in one language. */
export interface OnScreen {
  readonly id: string;
  readonly language: string;
}

/** What the screen shows at a moment, as far as the record is concerned. */
export interface Sighting {
  /** The kiosk's own mode; undefined while there is no kiosk (standby, an urgent notice). */
  readonly kiosk: 'attract' | 'touch' | 'warning' | undefined;
  /** The slide on screen, in its language; `qrCode` while its link shows as a QR code. */
  readonly slide: (OnScreen & { readonly qrCode?: boolean }) | undefined;
  readonly panel: Panel;
  /** True while nothing of the kiosk can be seen: the closed screen, the staff panel over it. */
  readonly hidden: boolean;
  /** True while the screen is closed (dark, or woken by a touch): a session ending then ends for that. */
  readonly closed: boolean;
  /** The urgent notice on screen, in its language. */
  readonly urgent: OnScreen | undefined;
  /** The information notices in the band, in the band's language. */
  readonly info: readonly OnScreen[];
}

type Emit = (event: UsageEvent) => void;

export class UsageTracker {
  readonly #emit: Emit;
  /** What is on screen, by key, since when. */
  #showing = new Map<string, { what: 'slide' | 'notice'; item: OnScreen; since: number }>();
  #session: number | undefined;
  #lastSlide: string | undefined;
  #lastPanel: Panel = 'none';
  #backPressed = false;
  #lastUrgent = false;

  constructor(emit: Emit) {
    this.#emit = emit;
  }

  /** The patient pressed Back to start: the session about to end ends that way. */
  backPressed(): void {
    this.#backPressed = true;
  }

  /** The patient chose a language. */
  languageChosen(language: string, now: number): void {
    if (this.#session !== undefined)
      this.#emit({ type: 'language', session: this.#session, at: now, language });
  }

  /** The patient turned Listen on, on this slide. */
  listenUsed(id: string, now: number): void {
    if (this.#session !== undefined) this.#emit({ type: 'listen', session: this.#session, at: now, id });
  }

  observe(sighting: Sighting, now: number): void {
    this.#followShowing(sighting, now);
    this.#followSession(sighting, now);
    this.#lastUrgent = sighting.urgent !== undefined;
  }

  /** Ends whatever is on screen now (the page is going away). */
  end(now: number): void {
    this.observe(
      {
        kiosk: undefined,
        slide: undefined,
        panel: 'none',
        hidden: true,
        closed: false,
        urgent: undefined,
        info: [],
      },
      now,
    );
  }

  #followShowing(sighting: Sighting, now: number): void {
    const next = new Map<string, { what: 'slide' | 'notice'; item: OnScreen }>();
    if (!sighting.hidden && sighting.urgent !== undefined) {
      next.set(`notice ${sighting.urgent.id} ${sighting.urgent.language}`, {
        what: 'notice',
        item: sighting.urgent,
      });
    } else if (!sighting.hidden) {
      if (sighting.kiosk === 'attract' && sighting.slide !== undefined)
        next.set(`slide ${sighting.slide.id} ${sighting.slide.language}`, {
          what: 'slide',
          item: sighting.slide,
        });
      for (const notice of sighting.info)
        next.set(`notice ${notice.id} ${notice.language}`, { what: 'notice', item: notice });
    }
    for (const [key, shown] of this.#showing) {
      if (next.has(key)) continue;
      this.#showing.delete(key);
      this.#emit({
        type: 'shown',
        what: shown.what,
        id: shown.item.id,
        language: shown.item.language,
        start: shown.since,
        seconds: (now - shown.since) / 1000,
      });
    }
    for (const [key, shown] of next)
      if (!this.#showing.has(key)) this.#showing.set(key, { ...shown, since: now });
  }

  #followSession(sighting: Sighting, now: number): void {
    const inSession = sighting.kiosk === 'touch' || sighting.kiosk === 'warning';
    const session = this.#session;
    if (session !== undefined && !inSession) {
      this.#emit({
        type: 'session',
        start: session,
        seconds: (now - session) / 1000,
        ended: this.#endOf(sighting),
      });
      this.#session = undefined;
    }
    this.#backPressed = false;
    if (!inSession) {
      this.#lastSlide = undefined;
      this.#lastPanel = 'none';
      return;
    }
    if (this.#session === undefined) this.#session = now;
    const started = this.#session;
    const slide = sighting.slide;
    if (slide !== undefined && slide.id !== this.#lastSlide) {
      this.#emit({ type: 'viewed', session: started, at: now, id: slide.id, language: slide.language });
      // Its QR code is on screen with it: a patient may have taken the link home.
      if (slide.qrCode === true) this.#emit({ type: 'qr', session: started, at: now, id: slide.id });
    }
    if (sighting.panel !== this.#lastPanel) {
      if (sighting.panel === 'details' && slide !== undefined)
        this.#emit({ type: 'details', session: started, at: now, id: slide.id, language: slide.language });
      if (sighting.panel === 'topics') this.#emit({ type: 'topics', session: started, at: now });
    }
    this.#lastSlide = slide?.id;
    this.#lastPanel = sighting.panel;
  }

  #endOf(sighting: Sighting): SessionEnd {
    if (this.#backPressed) return 'back';
    if (sighting.urgent !== undefined || this.#lastUrgent) return 'notice';
    if (sighting.kiosk === undefined) return 'gone';
    if (sighting.closed) return 'closed';
    return 'idle';
  }
}
