/**
 * What plays Listen's sound: one `<audio>` element for the page's life, kept out of sight (it has
 * no controls of its own: the kiosk's buttons are its controls). A spoken screen and a recording
 * are files the kiosk serves itself (`speech/...`, `content/...`), allowed by the policy's
 * `media-src 'self'`.
 */
export interface SpeechPlayer {
  /** Plays `url` from its start at `volume` (0 to 1); resolves once it plays, rejects if it cannot. */
  play(url: string, volume: number): Promise<void>;
  setVolume(volume: number): void;
  /** Stops at once; nothing more is heard, and `onEnded` is not called. */
  stop(): void;
  /** Calls `listener` whenever what was playing comes to its end by itself. */
  onEnded(listener: () => void): void;
  /** A soft tone of two rising notes, under a second, at `volume` (0 to 1): "Still there?" for the ear. */
  chime(volume: number): void;
}

/** The tone's two notes: a fifth apart, rising, as a gentle question. */
const CHIME_NOTES = [
  { hertz: 660, start: 0, seconds: 0.22 },
  { hertz: 880, start: 0.24, seconds: 0.4 },
] as const;
/** Quiet: the tone asks for attention without startling a waiting room. */
const CHIME_LOUDNESS = 0.2;

/** Marks the page's one audio element, for the end-to-end tests to find. */
export const SPEECH_AUDIO_ATTRIBUTE = 'data-speech';

export function audioElementPlayer(document: Document): SpeechPlayer {
  let element: HTMLAudioElement | undefined;
  const listeners: (() => void)[] = [];
  let context: AudioContext | undefined;
  const audio = () => {
    if (element === undefined) {
      element = document.createElement('audio');
      element.setAttribute(SPEECH_AUDIO_ATTRIBUTE, '');
      element.preload = 'auto';
      element.hidden = true;
      element.addEventListener('ended', () => {
        for (const listener of listeners) listener();
      });
      document.body.append(element);
    }
    return element;
  };
  return {
    async play(url, volume) {
      const player = audio();
      player.pause();
      player.src = url;
      player.volume = volume;
      await player.play();
    },
    setVolume(volume) {
      if (element !== undefined) element.volume = volume;
    },
    stop() {
      if (element === undefined) return;
      element.pause();
      // Forget the file too: a stopped screen must not be heard again if the element is nudged.
      element.removeAttribute('src');
      element.load();
    },
    onEnded(listener) {
      listeners.push(listener);
    },
    chime(volume) {
      // Made in the page (Web Audio): no file to ship or fetch, and nothing for the policy to allow.
      context ??= new AudioContext();
      const now = context.currentTime;
      for (const note of CHIME_NOTES) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = note.hertz;
        const peak = CHIME_LOUDNESS * volume;
        // Faded in and out, so the tone has no click at either end.
        gain.gain.setValueAtTime(0, now + note.start);
        gain.gain.linearRampToValueAtTime(peak, now + note.start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + note.start + note.seconds);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(now + note.start);
        oscillator.stop(now + note.start + note.seconds + 0.05);
      }
    },
  };
}
