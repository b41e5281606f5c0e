import type { UiTable } from './en';

/** Polish as public screens speak it: the plain imperative, and every plural form a count takes. */
export const pl = {
  touchToLearnMore: 'Dotknij ekranu, aby dowiedzieć się więcej',
  previous: 'Wstecz',
  next: 'Dalej',
  allTopics: 'Tematy',
  learnMore: 'Więcej',
  close: 'Zamknij',
  backToStart: 'Na początek',
  stillThere: 'Jesteś tu jeszcze?',
  returningIn: {
    one: 'Powrót na początek za {count} sekundę.',
    few: 'Powrót na początek za {count} sekundy.',
    many: 'Powrót na początek za {count} sekund.',
    other: 'Powrót na początek za {count} sekundy.',
  },
  stayHere: 'Jestem tutaj',
  slideOf: '{current} z {count}',
  slideProgress: 'Temat {current} z {count}',
  chooseTopic: 'Wybierz temat',
  language: 'Język',
  standby: 'Informacje wkrótce wrócą.',
  notice: 'Komunikat',
  scanToRead: 'Zeskanuj aparatem telefonu, aby przeczytać to w domu',
  qrCode: 'Kod QR',
} as const satisfies UiTable;
