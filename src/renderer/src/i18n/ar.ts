import type { UiTable } from './en';

/**
 * Modern Standard Arabic, as public screens address a reader. A count takes Arabic's six plural
 * forms: one second and two seconds are words of their own (ثانية واحدة، ثانيتين).
 */
export const ar = {
  touchToLearnMore: 'المس الشاشة لمعرفة المزيد',
  previous: 'السابق',
  next: 'التالي',
  allTopics: 'كل المواضيع',
  learnMore: 'اعرف المزيد',
  close: 'إغلاق',
  backToStart: 'إلى البداية',
  stillThere: 'هل ما زلت هنا؟',
  returningIn: {
    zero: 'العودة إلى البداية بعد {count} ثانية.',
    one: 'العودة إلى البداية بعد ثانية واحدة.',
    two: 'العودة إلى البداية بعد ثانيتين.',
    few: 'العودة إلى البداية بعد {count} ثوانٍ.',
    many: 'العودة إلى البداية بعد {count} ثانية.',
    other: 'العودة إلى البداية بعد {count} ثانية.',
  },
  stayHere: 'ما زلت هنا',
  slideOf: '{current} من {count}',
  slideProgress: 'الموضوع {current} من {count}',
  chooseTopic: 'اختر موضوعًا',
  language: 'اللغة',
  standby: 'ستعود المعلومات بعد قليل.',
  notice: 'إشعار',
  scanToRead: 'امسح الرمز بكاميرا هاتفك لتقرأ هذا في المنزل',
  qrCode: 'رمز QR',
  listen: 'استمع',
  repeat: 'أعِد',
  louder: 'أعلى',
  quieter: 'أخفض',
  largerText: 'نص أكبر',
  highContrast: 'تباين عالٍ',
  readingHelp: 'مساعدة في القراءة',
  inviteToListen: 'المس الشاشة لسماع هذا النص بصوت عالٍ',
  noVoice: 'لا يمكن قراءة هذه اللغة بصوت عالٍ على هذه الشاشة.',
  listenFailed: 'تعذّرت القراءة بصوت عالٍ. حاول مرة أخرى.',
} as const satisfies UiTable;
