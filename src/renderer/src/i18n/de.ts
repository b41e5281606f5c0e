import type { UiTable } from './en';

/** German for patients: "Sie", and labels short enough for a button three to a row in portrait. */
export const de = {
  touchToLearnMore: 'Für mehr Informationen bitte berühren',
  previous: 'Zurück',
  next: 'Weiter',
  allTopics: 'Alle Themen',
  learnMore: 'Mehr lesen',
  close: 'Schließen',
  backToStart: 'Zum Anfang',
  stillThere: 'Sind Sie noch da?',
  returningIn: {
    one: 'In {count} Sekunde geht es zurück zum Anfang.',
    other: 'In {count} Sekunden geht es zurück zum Anfang.',
  },
  stayHere: 'Ich bin noch da',
  slideOf: '{current} von {count}',
  slideProgress: 'Thema {current} von {count}',
  chooseTopic: 'Thema wählen',
  language: 'Sprache',
  standby: 'Die Informationen sind gleich wieder da.',
  notice: 'Hinweis',
  scanToRead: 'Mit der Handykamera scannen und zu Hause weiterlesen',
  qrCode: 'QR-Code',
} as const satisfies UiTable;
