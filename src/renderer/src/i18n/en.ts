import type { UiWords } from '../../../shared/ui-words';

/**
 * Every word of the interface in English: the table other languages translate, and the one a
 * word falls back to where a language has none. `{count}`, `{current}` are filled in with numbers
 * written the language's way; `one`/`other` are the plural forms of Intl.PluralRules.
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
  scanToRead: 'Scan with your phone camera to read this at home',
  qrCode: 'QR code',
  listen: 'Listen',
  repeat: 'Repeat',
  louder: 'Louder',
  quieter: 'Quieter',
  largerText: 'Larger text',
  highContrast: 'High contrast',
  readingHelp: 'Help with reading',
  inviteToListen: 'Touch the screen to hear this read aloud',
  noVoice: 'This language cannot be read aloud on this kiosk.',
  listenFailed: 'Reading aloud did not work. Please try again.',
} as const satisfies UiWords;

/** What every language's table must give: the same words, with plural forms where English has them. */
export type UiTable = UiWords;
