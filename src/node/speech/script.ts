import type { SpeechPart } from '../../shared/ipc';

/**
 * What is read aloud, as the engines take it: SSML, with the structure of the screen kept in the
 * voice. A heading is followed by a longer pause, each list item by a shorter one and is said
 * with its number in a numbered list, so a listener hears where one thing ends and the next
 * begins, as a reader sees it.
 */

const PAUSE_AFTER: Readonly<Record<SpeechPart['kind'], number>> = {
  heading: 700,
  paragraph: 450,
  item: 350,
};

export function toSsml(parts: readonly SpeechPart[], language: string): string {
  const body = parts
    .map((part) => {
      const number = part.kind === 'item' && part.number !== undefined ? `${part.number}. ` : '';
      return `${escapeXml(number + part.text)}<break time="${PAUSE_AFTER[part.kind]}ms"/>`;
    })
    .join('\n');
  return `<speak xml:lang="${escapeXml(language)}">${body}</speak>`;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );
}
