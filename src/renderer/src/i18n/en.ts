/**
 * Every word of the interface in English: the table other languages translate, and the one used
 * for a language that has no table yet. `{count}`, `{current}` are filled in; `one`/`other` are
 * the plural forms of Intl.PluralRules.
 */
export const en = {
  touchToLearnMore: 'Touch to learn more',
  previous: 'Previous',
  next: 'Next',
  allTopics: 'All topics',
  learnMore: 'Learn more',
  close: 'Close',
  backToStart: 'Back to start',
  stillThere: 'Still there?',
  returningIn: {
    one: 'Going back to the start in {count} second.',
    other: 'Going back to the start in {count} seconds.',
  },
  stayHere: 'I’m still here',
  slideOf: '{current} of {count}',
  slideProgress: 'Topic {current} of {count}',
  chooseTopic: 'Choose a topic',
  language: 'Language',
  standby: 'Information will be back shortly.',
  notice: 'Notice',
} as const;

export type PluralText = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** What every language's table must give: the same keys, with text or plural forms where English has them. */
export type UiTable = {
  readonly [Key in keyof typeof en]: (typeof en)[Key] extends string ? string : PluralText;
};
