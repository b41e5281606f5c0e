import type { UiTable } from './en';

/** Dutch for patients: the polite "u". */
export const nl = {
  touchToLearnMore: 'Raak het scherm aan voor meer informatie',
  previous: 'Vorige',
  next: 'Volgende',
  allTopics: 'Onderwerpen',
  learnMore: 'Meer lezen',
  close: 'Sluiten',
  backToStart: 'Naar begin',
  stillThere: 'Bent u er nog?',
  returningIn: {
    one: 'Over {count} seconde gaat het scherm terug naar het begin.',
    other: 'Over {count} seconden gaat het scherm terug naar het begin.',
  },
  stayHere: 'Ik ben er nog',
  slideOf: '{current} van {count}',
  slideProgress: 'Onderwerp {current} van {count}',
  chooseTopic: 'Kies een onderwerp',
  language: 'Taal',
  standby: 'De informatie is zo weer terug.',
  notice: 'Mededeling',
  scanToRead: 'Scan met de camera van uw telefoon om dit thuis te lezen',
  qrCode: 'QR-code',
} as const satisfies UiTable;
