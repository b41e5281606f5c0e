import { isRightToLeft } from '../../../shared/languages';
import { en, type PluralText, type UiTable } from './en';
import { es } from './es';

/** One table per language; a language without one (yet) is shown with the English words. */
const TABLES: Readonly<Record<string, UiTable>> = { en, es };

export type UiText = ReturnType<typeof uiText>;

/** The interface's words for a language (`es`, `es-MX` → Spanish), ready to put on screen. */
export function uiText(language: string) {
  const base = language.split('-')[0]?.toLowerCase() ?? '';
  const [tableLanguage, table] = Object.hasOwn(TABLES, base) ? [base, TABLES[base] ?? en] : ['en', en];
  const plurals = new Intl.PluralRules(tableLanguage);
  const plural = (text: PluralText, count: number) =>
    fill(text[plurals.select(count)] ?? text.other, { count });
  return {
    /** The language the words are actually in, for their `lang` attribute. */
    lang: tableLanguage,
    /** Their direction: English words in an Arabic screen still read left to right ("1 of 3"). */
    dir: isRightToLeft(tableLanguage) ? ('rtl' as const) : ('ltr' as const),
    touchToLearnMore: table.touchToLearnMore,
    previous: table.previous,
    next: table.next,
    allTopics: table.allTopics,
    learnMore: table.learnMore,
    close: table.close,
    backToStart: table.backToStart,
    stillThere: table.stillThere,
    returningIn: (seconds: number) => plural(table.returningIn, seconds),
    stayHere: table.stayHere,
    slideOf: (current: number, count: number) => fill(table.slideOf, { current, count }),
    slideProgress: (current: number, count: number) => fill(table.slideProgress, { current, count }),
    chooseTopic: table.chooseTopic,
    language: table.language,
    standby: table.standby,
    notice: table.notice,
  };
}

function fill(template: string, values: Readonly<Record<string, number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}
