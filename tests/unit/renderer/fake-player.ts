import { vi } from 'vitest';
import type { SpeechPlayer } from '../../../src/renderer/src/lib/speech-player';

/** Listen's sound, heard by the test: what was played, at what volume, and its end on demand. */
export function fakePlayer() {
  const ended: (() => void)[] = [];
  const player = {
    play: vi.fn<SpeechPlayer['play']>(() => Promise.resolve()),
    setVolume: vi.fn<SpeechPlayer['setVolume']>(),
    stop: vi.fn<SpeechPlayer['stop']>(),
    chime: vi.fn<SpeechPlayer['chime']>(),
    onEnded: (listener: () => void) => {
      ended.push(listener);
    },
  } satisfies SpeechPlayer;
  return {
    player,
    /** What was playing comes to its end by itself. */
    end: () => {
      for (const listener of ended) listener();
    },
  };
}
