import type { UiTable } from './en';

/** Vietnamese for patients: polite, plain words. */
export const vi = {
  touchToLearnMore: 'Chạm vào màn hình để xem thêm',
  previous: 'Trước',
  next: 'Tiếp',
  allTopics: 'Tất cả chủ đề',
  learnMore: 'Xem thêm',
  close: 'Đóng',
  backToStart: 'Về đầu',
  stillThere: 'Bạn vẫn còn ở đây chứ?',
  returningIn: { other: 'Màn hình sẽ quay về đầu sau {count} giây.' },
  stayHere: 'Tôi vẫn ở đây',
  slideOf: '{current} trên {count}',
  slideProgress: 'Chủ đề {current} trên {count}',
  chooseTopic: 'Chọn chủ đề',
  language: 'Ngôn ngữ',
  standby: 'Thông tin sẽ hiển thị lại trong giây lát.',
  notice: 'Thông báo',
  scanToRead: 'Quét bằng camera điện thoại để đọc lại ở nhà',
  qrCode: 'Mã QR',
} as const satisfies UiTable;
