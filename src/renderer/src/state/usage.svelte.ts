import type { Clock } from '../../../shared/clock';
import type { Notice } from '../../../shared/content';
import type { KioskApi } from '../../../shared/kiosk-api';
import { UsageRecorder } from '../lib/usage-recorder';
import { UsageTracker, type Sighting } from '../lib/usage-tracker';
import type { ScreenAction, ScreenModel } from './screen.svelte';

/**
 * The record of what the screen showed and how it was used, as the page keeps it: what is on
 * screen is looked at whenever it changes (`observe`, from an effect), each patient's choice is
 * heard as it is made (`action`), and the events go to the main process in batches.
 */
export class UsageModel {
  readonly #clock: Clock;
  readonly #recorder: UsageRecorder;
  readonly #tracker: UsageTracker;
  /** The slide on screen when last looked at: the one Listen reads when it is turned on. */
  #slideOnScreen: string | undefined;

  constructor(api: Pick<KioskApi, 'recordUsage'>, clock: Clock) {
    this.#clock = clock;
    this.#recorder = new UsageRecorder(api, clock);
    this.#tracker = new UsageTracker(this.#recorder.record);
  }

  action = (action: ScreenAction): void => {
    if (action.type === 'back') this.#tracker.backPressed();
    else if (action.type === 'language') this.#tracker.languageChosen(action.language, this.#clock.now());
    else if (action.type === 'listen' && this.#slideOnScreen !== undefined)
      this.#tracker.listenUsed(this.#slideOnScreen, this.#clock.now());
  };

  /** `language`: the language on screen, which the information band speaks. */
  observe(screen: ScreenModel, language: string): void {
    const sighting = sightingOf(screen, language);
    this.#slideOnScreen = sighting.slide?.id;
    this.#tracker.observe(sighting, this.#clock.now());
  }

  /** The page is going away: what is on screen ends now, and what waits is sent. */
  stop(): void {
    this.#tracker.end(this.#clock.now());
    this.#recorder.stop();
  }
}

export function sightingOf(screen: ScreenModel, language: string): Sighting {
  const kiosk = screen.kiosk;
  const view = kiosk?.view;
  const slide = kiosk?.slide;
  const turn = screen.urgent?.current;
  const textOf = (notice: Notice) =>
    notice.texts.find((text) => text.language === language) ?? notice.texts[0];
  return {
    kiosk: view?.mode,
    slide:
      slide === undefined
        ? undefined
        : {
            id: slide.id,
            language: slide.language,
            // As Kiosk.svelte shows it: in touch mode, and in the loop when kiosk.yaml asks.
            qrCode:
              slide.link !== undefined && (view?.mode !== 'attract' || kiosk?.deck.qrCodeInLoop === true),
          },
    panel: view === undefined || view.mode === 'attract' ? 'none' : view.panel,
    hidden: screen.staff.isOpen || (screen.schedule.closed && turn === undefined),
    closed: !screen.schedule.open,
    urgent: turn === undefined ? undefined : { id: turn.notice.id, language: turn.text.language },
    info: screen.info.map((notice) => ({ id: notice.id, language: textOf(notice)?.language ?? language })),
  };
}
