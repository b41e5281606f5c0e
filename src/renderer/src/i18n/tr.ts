import type { UiTable } from './en';

/** Turkish for patients: the polite "siz". */
export const tr = {
  touchToLearnMore: 'Daha fazla bilgi için ekrana dokunun',
  previous: 'Önceki',
  next: 'Sonraki',
  allTopics: 'Tüm konular',
  learnMore: 'Daha fazlası',
  close: 'Kapat',
  backToStart: 'Başa dön',
  stillThere: 'Hâlâ burada mısınız?',
  returningIn: {
    one: '{count} saniye sonra başa dönülecek.',
    other: '{count} saniye sonra başa dönülecek.',
  },
  stayHere: 'Buradayım',
  slideOf: '{current} / {count}',
  slideProgress: 'Konu {current} / {count}',
  chooseTopic: 'Bir konu seçin',
  language: 'Dil',
  standby: 'Bilgiler birazdan yeniden gösterilecek.',
  notice: 'Duyuru',
  scanToRead: 'Evde okumak için telefonunuzun kamerasıyla tarayın',
  qrCode: 'QR kod',
} as const satisfies UiTable;
