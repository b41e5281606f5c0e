import type { UiTable } from './en';

/** Ukrainian for patients: the polite "ви", and every plural form a count takes. */
export const uk = {
  touchToLearnMore: 'Торкніться екрана, щоб дізнатися більше',
  previous: 'Назад',
  next: 'Далі',
  allTopics: 'Усі теми',
  learnMore: 'Докладніше',
  close: 'Закрити',
  backToStart: 'На початок',
  stillThere: 'Ви ще тут?',
  returningIn: {
    one: 'Повернення на початок через {count} секунду.',
    few: 'Повернення на початок через {count} секунди.',
    many: 'Повернення на початок через {count} секунд.',
    other: 'Повернення на початок через {count} секунди.',
  },
  stayHere: 'Я ще тут',
  slideOf: '{current} з {count}',
  slideProgress: 'Тема {current} з {count}',
  chooseTopic: 'Оберіть тему',
  language: 'Мова',
  standby: 'Інформація незабаром з’явиться знову.',
  notice: 'Оголошення',
  scanToRead: 'Відскануйте камерою телефона, щоб прочитати вдома',
  qrCode: 'QR-код',
} as const satisfies UiTable;
