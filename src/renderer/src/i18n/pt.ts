import type { UiTable } from './en';

/**
 * Portuguese as most patients abroad speak it, Brazil's ("tela", "celular"); a clinic serving
 * Portugal's can give its own words in ui/pt-PT.yaml.
 */
export const pt = {
  touchToLearnMore: 'Toque na tela para saber mais',
  previous: 'Anterior',
  next: 'Próximo',
  allTopics: 'Temas',
  learnMore: 'Saiba mais',
  close: 'Fechar',
  backToStart: 'Início',
  stillThere: 'Ainda está aí?',
  returningIn: {
    one: 'Voltando ao início em {count} segundo.',
    other: 'Voltando ao início em {count} segundos.',
  },
  stayHere: 'Ainda estou aqui',
  slideOf: '{current} de {count}',
  slideProgress: 'Tema {current} de {count}',
  chooseTopic: 'Escolha um tema',
  language: 'Idioma',
  standby: 'As informações voltam em instantes.',
  notice: 'Aviso',
  scanToRead: 'Escaneie com a câmera do celular para ler em casa',
  qrCode: 'Código QR',
  listen: 'Ouvir',
  repeat: 'Repetir',
  louder: 'Mais alto',
  quieter: 'Mais baixo',
  largerText: 'Letra maior',
  highContrast: 'Alto contraste',
  readingHelp: 'Ajuda para ler',
  inviteToListen: 'Toque na tela para ouvir este texto em voz alta',
  noVoice: 'Este idioma não pode ser lido em voz alta aqui.',
  listenFailed: 'Não foi possível ler em voz alta. Tente de novo.',
} as const satisfies UiTable;
