import { isRightToLeft } from '../../../shared/languages';
import {
  FALLBACK_WORD_LANGUAGE,
  isOwnSource,
  UI_WORD_KEYS,
  wordSources,
  type PluralText,
  type UiWordOverrides,
  type UiWords,
} from '../../../shared/ui-words';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fil } from './fil';
import { fr } from './fr';
import { hi } from './hi';
import { it } from './it';
import { nl } from './nl';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';
import { tr } from './tr';
import { uk } from './uk';
import { vi } from './vi';
import { zh } from './zh';

/** One table per built-in language (BUILT_IN_WORD_LANGUAGES in src/shared/ui-words.ts names the same). */
export const TABLES: Readonly<Record<string, UiWords>> = {
  en,
  es,
  fr,
  de,
  it,
  pt,
  nl,
  pl,
  ar,
  zh,
  vi,
  uk,
  ru,
  tr,
  hi,
  fil,
};

export type UiText = ReturnType<typeof uiText>;

/** The staff's own words (ui/<language>.yaml), by language code, as the deck carries them. */
export type StaffWords = Readonly<Record<string, UiWordOverrides>>;

/**
 * The interface's words for a language, ready to put on screen: each word is the staff's for the
 * language if they gave one, else the built-in one, else English (src/shared/ui-words.ts says
 * the order). Numbers are written the language's way (`Intl`: ١٢٣ for ar-EG, for instance) and
 * take its plural forms.
 */
export function uiText(language: string, staffWords: StaffWords = {}) {
  const sources = wordSources(language);
  let ownWords = 0;
  const words = Object.fromEntries(
    UI_WORD_KEYS.map((key) => {
      for (const source of sources) {
        const table = source.from === 'staff' ? staffWords[source.language] : TABLES[source.language];
        const word = table?.[key];
        if (word === undefined) continue;
        if (isOwnSource(source, language)) ownWords += 1;
        return [key, word];
      }
      return [key, en[key]];
    }),
  ) as unknown as UiWords;
  // The words are in the language if any are; a language with none of its own speaks English.
  const lang = ownWords > 0 ? language : FALLBACK_WORD_LANGUAGE;
  const numbers = new Intl.NumberFormat(lang, { useGrouping: false });
  const plurals = new Intl.PluralRules(lang);
  const fill = (template: string, values: Readonly<Record<string, number>>) =>
    template.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = values[name];
      return value === undefined ? match : numbers.format(value);
    });
  const plural = (text: PluralText, count: number) =>
    fill(text[plurals.select(count)] ?? text.other, { count });
  return {
    /** The language the words are actually in, for their `lang` attribute. */
    lang,
    /** Their direction: English words in an Arabic screen still read left to right ("1 of 3"). */
    dir: isRightToLeft(lang) ? ('rtl' as const) : ('ltr' as const),
    touchToLearnMore: words.touchToLearnMore,
    previous: words.previous,
    next: words.next,
    allTopics: words.allTopics,
    learnMore: words.learnMore,
    close: words.close,
    backToStart: words.backToStart,
    stillThere: words.stillThere,
    returningIn: (seconds: number) => plural(words.returningIn, seconds),
    stayHere: words.stayHere,
    slideOf: (current: number, count: number) => fill(words.slideOf, { current, count }),
    slideProgress: (current: number, count: number) => fill(words.slideProgress, { current, count }),
    chooseTopic: words.chooseTopic,
    language: words.language,
    standby: words.standby,
    notice: words.notice,
    scanToRead: words.scanToRead,
    qrCode: words.qrCode,
    listen: words.listen,
    repeat: words.repeat,
    louder: words.louder,
    quieter: words.quieter,
    largerText: words.largerText,
    highContrast: words.highContrast,
    readingHelp: words.readingHelp,
    inviteToListen: words.inviteToListen,
    noVoice: words.noVoice,
    listenFailed: words.listenFailed,
    /** A number on its own (the idle countdown, a topic's number), written the language's way. */
    number: (value: number) => numbers.format(value),
  };
}
