import type { UiTable } from './en';

/** French for patients: "vous", and the narrow space French puts before a question mark. */
export const fr = {
  touchToLearnMore: 'Touchez l’écran pour en savoir plus',
  previous: 'Précédent',
  next: 'Suivant',
  allTopics: 'Sujets',
  learnMore: 'En savoir plus',
  close: 'Fermer',
  backToStart: 'Début',
  stillThere: 'Vous êtes toujours là\u202f?',
  returningIn: {
    one: 'Retour au début dans {count} seconde.',
    other: 'Retour au début dans {count} secondes.',
  },
  stayHere: 'Je suis encore là',
  slideOf: '{current} sur {count}',
  slideProgress: 'Sujet {current} sur {count}',
  chooseTopic: 'Choisissez un sujet',
  language: 'Langue',
  standby: 'Les informations reviennent dans un instant.',
  notice: 'Avis',
  scanToRead: 'Scannez avec l’appareil photo de votre téléphone pour lire chez vous',
  qrCode: 'Code QR',
} as const satisfies UiTable;
