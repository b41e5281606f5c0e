import { getContext, setContext } from 'svelte';
import type { AccessModel } from '../state/access.svelte';
import type { SpeechModel } from '../state/speech.svelte';

/** A patient's help with reading (Listen, larger text, contrast, motion), for every component that offers or follows it. */
export interface ReadingHelp {
  readonly access: AccessModel;
  readonly speech: SpeechModel;
}

const KEY = Symbol('reading help');

/** Called once, by the page's root component. */
export function provideReadingHelp(help: ReadingHelp): void {
  setContext(KEY, help);
}

/** The page's reading help; undefined where a component is drawn on its own (a test). */
export function readingHelp(): ReadingHelp | undefined {
  return getContext<ReadingHelp | undefined>(KEY);
}
