import type { UiTable } from './en';

/**
 * Chinese in simplified characters, with the polite 您. It also serves zh-Hant (traditional
 * characters) until a clinic gives its own words in ui/zh-Hant.yaml.
 */
export const zh = {
  touchToLearnMore: '触摸屏幕了解更多',
  previous: '上一页',
  next: '下一页',
  allTopics: '全部主题',
  learnMore: '了解更多',
  close: '关闭',
  backToStart: '返回首页',
  stillThere: '您还在吗？',
  returningIn: { other: '{count} 秒后返回首页。' },
  stayHere: '我还在',
  slideOf: '{current} / {count}',
  slideProgress: '第 {current} 个主题，共 {count} 个',
  chooseTopic: '选择主题',
  language: '语言',
  standby: '信息稍后恢复显示。',
  notice: '通知',
  scanToRead: '用手机相机扫码，回家后继续阅读',
  qrCode: '二维码',
  listen: '朗读',
  repeat: '重复',
  louder: '大声些',
  quieter: '小声些',
  largerText: '放大文字',
  highContrast: '高对比度',
  readingHelp: '阅读帮助',
  inviteToListen: '触摸屏幕，即可听到朗读',
  noVoice: '本机无法朗读这种语言。',
  listenFailed: '朗读失败，请重试。',
} as const satisfies UiTable;
