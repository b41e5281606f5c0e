import { DEFAULT_ACCESS, type AccessSettings } from '../../../shared/content';
import type { KioskApi } from '../../../shared/kiosk-api';
import { reportError } from '../lib/errors';
import type { ScreenScript } from '../lib/speech-script';
import { audioElementPlayer, type SpeechPlayer } from '../lib/speech-player';

/** Why Listen cannot read this screen: no voice for its language here, or the engine failed. */
export type ListenProblem = 'no-voice' | 'failed';

/** Each press of Louder or Quieter: a tenth of the computer's volume. */
export const VOLUME_STEP = 10;

export interface SpeechOptions {
  /** Plays the sound; an `<audio>` element of the page unless a test gives its own. */
  readonly player?: SpeechPlayer;
  /** Told whenever reading aloud starts or stops: the kiosk does not time out while it plays. */
  readonly onBusy?: (busy: boolean) => void;
  /** Told when Listen is turned on (the record of use counts it). */
  readonly onTurnedOn?: () => void;
}

/**
 * Listen: a patient's choice to have the screen read aloud. Once on, the screen is read, and each
 * new screen as it comes (the next slide, the longer text, the list of topics, "Still there?"),
 * until the patient turns it off, chooses another language, or leaves. The words are the screen's
 * own (lib/speech-script.ts), read by the computer's voice, or by the staff's recording where a
 * slide has one. Repeat reads the screen again from its start; the volume stays within what
 * staff allow (`accessibility:` in kiosk.yaml).
 */
export class SpeechModel {
  /** Listen is on: the screen is read, and every new screen as it comes. */
  on = $state(false);
  /** Something is being read now, or made ready to read. */
  playing = $state(false);
  problem = $state<ListenProblem | undefined>(undefined);
  /** Per cent of the computer's volume. */
  volume = $state<number>(DEFAULT_ACCESS.volume.start);
  #range: AccessSettings['volume'] = DEFAULT_ACCESS.volume;
  #screen: ScreenScript | undefined;
  /** The key of the screen read last: it is not read again unless the patient asks. */
  #readKey: string | undefined;
  /** Each reading's number: an answer for a reading since stopped or replaced is let go. */
  #token = 0;
  readonly #api: Pick<KioskApi, 'speak'>;
  readonly #player: SpeechPlayer;
  readonly #onBusy: (busy: boolean) => void;
  readonly #onTurnedOn: () => void;

  constructor(api: Pick<KioskApi, 'speak'>, options: SpeechOptions = {}) {
    this.#api = api;
    this.#player = options.player ?? audioElementPlayer(document);
    this.#onBusy = options.onBusy ?? (() => undefined);
    this.#onTurnedOn = options.onTurnedOn ?? (() => undefined);
    this.#player.onEnded(() => {
      this.#setPlaying(false);
    });
  }

  get canBeLouder(): boolean {
    return this.volume < this.#range.highest;
  }

  get canBeQuieter(): boolean {
    return this.volume > this.#range.lowest;
  }

  /** The volume staff allow (from the content); a patient's own level is kept if it is still allowed. */
  configure(range: AccessSettings['volume']): void {
    this.#range = range;
    const kept = this.on ? this.volume : range.start;
    this.volume = Math.min(range.highest, Math.max(range.lowest, kept));
  }

  /** The screen now: read at once while Listen is on, unless it is the one just read. */
  show(script: ScreenScript | undefined): void {
    const previous = this.#screen;
    this.#screen = script;
    if (!this.on) return;
    if (script === undefined) {
      this.#silence();
      return;
    }
    if (script.key === this.#readKey) return;
    // Back from "Still there?": the prompt's words stop, and the screen is not read all over again.
    if (previous?.prompt === true && !script.prompt) {
      this.#silence();
      this.#readKey = script.key;
      return;
    }
    this.#read(script);
  }

  toggle = (): void => {
    if (this.on) this.turnOff();
    else this.turnOn();
  };

  turnOn = (): void => {
    this.#switchOn();
    if (this.#screen !== undefined) this.#read(this.#screen);
  };

  turnOff = (): void => {
    this.on = false;
    this.problem = undefined;
    this.#readKey = undefined;
    this.#silence();
  };

  /** The screen again, from its start. */
  repeat = (): void => {
    this.#switchOn();
    if (this.#screen !== undefined) this.#read(this.#screen);
  };

  #switchOn(): void {
    if (this.on) return;
    this.on = true;
    this.#onTurnedOn();
  }

  louder = (): void => {
    this.#setVolume(this.volume + VOLUME_STEP);
  };

  quieter = (): void => {
    this.#setVolume(this.volume - VOLUME_STEP);
  };

  /** The patient has gone: Listen off, and the volume back where staff set it. */
  reset(): void {
    this.turnOff();
    this.volume = this.#range.start;
  }

  /** "Still there?" for a patient who is not listening: a soft tone, at their volume. */
  chime(): void {
    if (this.on) return;
    try {
      this.#player.chime(this.volume / 100);
    } catch (error) {
      reportError(error, 'sounding the "Still there?" tone');
    }
  }

  #read(script: ScreenScript): void {
    const token = ++this.#token;
    this.#readKey = script.key;
    this.problem = undefined;
    this.#player.stop();
    this.#setPlaying(true);
    this.#play(script, token).catch((error: unknown) => {
      if (token !== this.#token) return;
      this.problem = 'failed';
      this.#setPlaying(false);
      reportError(error, 'reading the screen aloud');
    });
  }

  async #play(script: ScreenScript, token: number): Promise<void> {
    if (script.recording !== undefined) {
      try {
        await this.#player.play(script.recording, this.volume / 100);
        return;
      } catch (error) {
        // A recording that will not play: the computer's voice reads the same words instead.
        reportError(error, 'playing a slide’s recording');
        if (token !== this.#token) return;
      }
    }
    const reply = await this.#api.speak({ language: script.language, parts: script.parts });
    if (token !== this.#token) return;
    if (!reply.ok) {
      this.problem = reply.reason === 'no-voice' ? 'no-voice' : 'failed';
      this.#setPlaying(false);
      return;
    }
    await this.#player.play(reply.url, this.volume / 100);
  }

  #silence(): void {
    this.#token += 1;
    this.#player.stop();
    this.#setPlaying(false);
  }

  #setVolume(volume: number): void {
    this.volume = Math.min(this.#range.highest, Math.max(this.#range.lowest, volume));
    this.#player.setVolume(this.volume / 100);
  }

  #setPlaying(playing: boolean): void {
    if (playing === this.playing) return;
    this.playing = playing;
    this.#onBusy(playing);
  }
}
