import type { UiTable } from './en';

/** Hindi for patients: the polite "आप", in everyday words rather than formal Sanskrit ones. */
export const hi = {
  touchToLearnMore: 'अधिक जानने के लिए स्क्रीन छुएँ',
  previous: 'पिछला',
  next: 'अगला',
  allTopics: 'सभी विषय',
  learnMore: 'और जानें',
  close: 'बंद करें',
  backToStart: 'शुरुआत',
  stillThere: 'क्या आप अभी भी यहाँ हैं?',
  returningIn: {
    one: '{count} सेकंड में शुरुआत पर लौटेंगे।',
    other: '{count} सेकंड में शुरुआत पर लौटेंगे।',
  },
  stayHere: 'मैं यहीं हूँ',
  slideOf: '{count} में से {current}',
  slideProgress: '{count} में से विषय {current}',
  chooseTopic: 'विषय चुनें',
  language: 'भाषा',
  standby: 'जानकारी थोड़ी देर में फिर दिखेगी।',
  notice: 'सूचना',
  scanToRead: 'घर पर पढ़ने के लिए फ़ोन के कैमरे से स्कैन करें',
  qrCode: 'QR कोड',
} as const satisfies UiTable;
