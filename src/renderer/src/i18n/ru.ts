import type { UiTable } from './en';

/** Russian for patients: the polite "вы", and every plural form a count takes. */
export const ru = {
  touchToLearnMore: 'Коснитесь экрана, чтобы узнать больше',
  previous: 'Назад',
  next: 'Далее',
  allTopics: 'Все темы',
  learnMore: 'Подробнее',
  close: 'Закрыть',
  backToStart: 'В начало',
  stillThere: 'Вы ещё здесь?',
  returningIn: {
    one: 'Возврат в начало через {count} секунду.',
    few: 'Возврат в начало через {count} секунды.',
    many: 'Возврат в начало через {count} секунд.',
    other: 'Возврат в начало через {count} секунды.',
  },
  stayHere: 'Я здесь',
  slideOf: '{current} из {count}',
  slideProgress: 'Тема {current} из {count}',
  chooseTopic: 'Выберите тему',
  language: 'Язык',
  standby: 'Информация скоро появится снова.',
  notice: 'Объявление',
  scanToRead: 'Отсканируйте камерой телефона, чтобы прочитать дома',
  qrCode: 'QR-код',
} as const satisfies UiTable;
