import type { Slide } from '../../../shared/content';
import { SPEECH_LIMITS, type SpeechPart } from '../../../shared/ipc';
import type { UiText } from '../i18n';
import type { KioskView } from './kiosk-machine';

/**
 * What Listen reads for each screen: the words on it, in reading order, headings and list items
 * kept as such (src/node/speech/script.ts turns them into pauses and numbers). `key` names the
 * screen: the same key, the same words, so a screen is not read again because something else
 * changed.
 */
export interface ScreenScript {
  readonly key: string;
  /** "Still there?" is read over whatever was being read, and leaves it be once answered. */
  readonly prompt: boolean;
  readonly language: string;
  readonly parts: readonly SpeechPart[];
  /** The staff's recording of this screen (a slide's `audio:`), played in place of the computer's voice. */
  readonly recording?: string;
}

/** What the kiosk shows now, as far as reading it aloud goes. */
export interface ScreenNow {
  readonly view: KioskView;
  readonly slide: Slide | undefined;
  readonly slides: readonly Slide[];
  readonly text: UiText;
}

export function screenScript({ view, slide, slides, text }: ScreenNow): ScreenScript | undefined {
  if (view.mode === 'warning') return promptScript(text, view.secondsLeft, view);
  if (slide === undefined) return undefined;
  const panel = view.mode === 'touch' ? view.panel : 'none';
  if (panel === 'details') return detailsScript(slide, text);
  if (panel === 'topics') return topicsScript(slides, text, slide.language);
  return slideScript(slide, text, view.mode === 'touch');
}

/** A slide as the screen shows it: its title, its summary, and in touch mode what goes home with its QR code. */
export function slideScript(slide: Slide, text: UiText, touched: boolean): ScreenScript {
  return {
    key: `slide ${slide.id} ${slide.language}`,
    prompt: false,
    language: slide.language,
    parts: bounded([
      { kind: 'heading', text: slide.title },
      { kind: 'paragraph', text: slide.summary },
      ...(touched ? takeHome(slide, text) : []),
    ]),
    ...(slide.audio === undefined ? {} : { recording: slide.audio }),
  };
}

/** The Learn more panel: its title, then the longer text as it reads. */
export function detailsScript(slide: Slide, text: UiText): ScreenScript {
  return {
    key: `details ${slide.id} ${slide.language}`,
    prompt: false,
    language: slide.language,
    parts: bounded([
      { kind: 'heading', text: slide.title },
      ...partsOfHtml(slide.bodyHtml),
      ...takeHome(slide, text),
    ]),
  };
}

/** The list of all topics, each with its number. */
export function topicsScript(slides: readonly Slide[], text: UiText, language: string): ScreenScript {
  return {
    key: `topics ${language}`,
    prompt: false,
    language: text.lang,
    parts: bounded([
      { kind: 'heading', text: text.chooseTopic },
      ...slides.map((slide, index): SpeechPart => ({ kind: 'item', text: slide.title, number: index + 1 })),
    ]),
  };
}

/** "Still there?", how long is left as the prompt first says it, and the answer to touch. */
export function promptScript(
  text: UiText,
  seconds: number,
  where: Pick<KioskView, 'slide' | 'language'>,
): ScreenScript {
  return {
    key: `prompt ${where.slide} ${where.language}`,
    prompt: true,
    language: text.lang,
    parts: [
      { kind: 'heading', text: text.stillThere },
      { kind: 'paragraph', text: text.returningIn(seconds) },
      { kind: 'paragraph', text: text.stayHere },
    ],
  };
}

/** What the QR code's caption says, where it is in the slide's own language. */
function takeHome(slide: Slide, text: UiText): SpeechPart[] {
  if (slide.link === undefined) return [];
  const parts: SpeechPart[] = [];
  if (text.lang === slide.language) parts.push({ kind: 'paragraph', text: text.scanToRead });
  if (slide.linkText !== undefined) parts.push({ kind: 'paragraph', text: slide.linkText });
  return parts;
}

/** The longer text's blocks in reading order: headings, paragraphs, and list items with their numbers. */
export function partsOfHtml(html: string): SpeechPart[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const parts: SpeechPart[] = [];
  const visit = (element: Element) => {
    const tag = element.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      push({ kind: 'heading', text: words(element) });
    } else if (tag === 'ul' || tag === 'ol') {
      const start = tag === 'ol' ? Number(element.getAttribute('start') ?? '1') : undefined;
      [...element.children]
        .filter((child) => child.tagName.toLowerCase() === 'li')
        .forEach((item, index) => {
          // An item's own words, then any list inside it.
          const own = item.cloneNode(true) as Element;
          for (const nested of own.querySelectorAll('ul, ol')) nested.remove();
          const number = start === undefined || !Number.isInteger(start) ? undefined : start + index;
          push({ kind: 'item', text: words(own), ...(number === undefined ? {} : { number }) });
          for (const nested of item.querySelectorAll(':scope > ul, :scope > ol')) visit(nested);
        });
    } else if (tag === 'blockquote' || tag === 'div' || tag === 'section') {
      for (const child of element.children) visit(child);
    } else if (tag === 'table') {
      for (const row of element.querySelectorAll('tr')) {
        push({ kind: 'paragraph', text: [...row.children].map(words).filter(Boolean).join(', ') });
      }
    } else {
      push({ kind: 'paragraph', text: words(element) });
    }
  };
  const push = (part: SpeechPart) => {
    if (part.text !== '') parts.push(part);
  };
  for (const child of body.children) visit(child);
  return parts;
}

function words(element: Element): string {
  return element.textContent.replace(/\s+/g, ' ').trim();
}

/** As much of the screen as one request may carry (SPEECH_LIMITS): a very long text is read up to there. */
function bounded(parts: readonly SpeechPart[]): SpeechPart[] {
  const kept: SpeechPart[] = [];
  let characters = 0;
  for (const part of parts) {
    if (part.text === '') continue;
    characters += part.text.length;
    if (kept.length === SPEECH_LIMITS.parts || characters > SPEECH_LIMITS.characters) break;
    kept.push(part);
  }
  return kept;
}
