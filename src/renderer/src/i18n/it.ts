import type { UiTable } from './en';

/** Italian for patients: the polite "Lei". */
export const it = {
  touchToLearnMore: 'Tocchi lo schermo per saperne di più',
  previous: 'Indietro',
  next: 'Avanti',
  allTopics: 'Argomenti',
  learnMore: 'Scopri di più',
  close: 'Chiudi',
  backToStart: 'Inizio',
  stillThere: 'È ancora lì?',
  returningIn: {
    one: 'Si torna all’inizio tra {count} secondo.',
    other: 'Si torna all’inizio tra {count} secondi.',
  },
  stayHere: 'Sono ancora qui',
  slideOf: '{current} di {count}',
  slideProgress: 'Argomento {current} di {count}',
  chooseTopic: 'Scelga un argomento',
  language: 'Lingua',
  standby: 'Le informazioni torneranno tra poco.',
  notice: 'Avviso',
  scanToRead: 'Inquadri il codice con la fotocamera del telefono per leggerlo a casa',
  qrCode: 'Codice QR',
} as const satisfies UiTable;
