import type { UiTable } from './en';

/** Spanish for patients: "usted", and labels short enough for a button three to a row in portrait. */
export const es = {
  touchToLearnMore: 'Toque la pantalla para saber más',
  previous: 'Anterior',
  next: 'Siguiente',
  allTopics: 'Temas',
  learnMore: 'Saber más',
  close: 'Cerrar',
  backToStart: 'Inicio',
  stillThere: '¿Sigue ahí?',
  returningIn: {
    one: 'La pantalla volverá al inicio en {count} segundo.',
    other: 'La pantalla volverá al inicio en {count} segundos.',
  },
  stayHere: 'Sigo aquí',
  slideOf: '{current} de {count}',
  slideProgress: 'Tema {current} de {count}',
  chooseTopic: 'Elija un tema',
  language: 'Idioma',
  standby: 'La información volverá a mostrarse en unos momentos.',
  notice: 'Aviso',
  scanToRead: 'Escanee con la cámara de su teléfono para leerlo en casa',
  qrCode: 'Código QR',
} as const satisfies UiTable;
