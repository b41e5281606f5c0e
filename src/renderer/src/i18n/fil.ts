import type { UiTable } from './en';

/** Filipino (Tagalog: `tl` and `fil` are the same language), polite with "po". */
export const fil = {
  touchToLearnMore: 'Pindutin ang screen para malaman ang higit pa',
  previous: 'Nakaraan',
  next: 'Susunod',
  allTopics: 'Lahat ng paksa',
  learnMore: 'Alamin pa',
  close: 'Isara',
  backToStart: 'Sa simula',
  stillThere: 'Nandiyan pa po ba kayo?',
  returningIn: {
    one: 'Babalik sa simula sa loob ng {count} segundo.',
    other: 'Babalik sa simula sa loob ng {count} segundo.',
  },
  stayHere: 'Nandito pa ako',
  slideOf: '{current} sa {count}',
  slideProgress: 'Paksa {current} sa {count}',
  chooseTopic: 'Pumili ng paksa',
  language: 'Wika',
  standby: 'Babalik ang impormasyon maya-maya.',
  notice: 'Paunawa',
  scanToRead: 'I-scan gamit ang camera ng telepono para mabasa sa bahay',
  qrCode: 'QR code',
} as const satisfies UiTable;
