/**
 * The staff screens' words. Staff tools are in English whatever the patients' languages are: they
 * are read by the clinic's own people, and the deployment guide they follow is in English too.
 */
export const staffText = {
  title: 'Staff access',
  enterPin: 'Enter the staff PIN',
  digit: (digit: number) => `Digit ${digit}`,
  digitsEntered: (count: number) => (count === 1 ? '1 digit entered' : `${count} digits entered`),
  erase: 'Erase',
  unlock: 'Unlock',
  cancel: 'Cancel',
  checking: 'Checking…',
  wrongPin: 'That PIN is not right.',
  lockedFor: (minutes: number) =>
    `Too many wrong PINs. Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
  notSet: 'No staff PIN is set on this kiosk. Set one with: npm run set-pin',
  unavailable: 'Staff access works on the kiosk itself, not in the browser preview.',
  panelTitle: 'Staff panel',
  close: 'Close',
  content: 'Content',
  slidesShown: (count: number) => (count === 1 ? '1 slide on screen' : `${count} slides on screen`),
  standbyShown: 'Nothing to show: the standby screen is up',
  noProblems: 'No problems found.',
  problems: (count: number) => (count === 1 ? '1 problem:' : `${count} problems:`),
  contentFolder: 'Content folder',
  logFile: 'Log file',
  uptime: 'Running for',
  recoveries: 'Recoveries',
  version: 'Version',
  reloadContent: 'Reload content',
  restartKiosk: 'Restart the kiosk',
  exitKioskMode: 'Exit kiosk mode',
  closeKiosk: 'Close the kiosk',
  confirmClose: 'Close the kiosk? The screen stays off until someone starts it again.',
  done: 'Done.',
  failed: 'That did not work. Try again; if it still fails, see the kiosk log.',
  sessionEnded: 'The staff session ended. Enter the PIN again.',
  usageTitle: 'Last 30 days',
  usageOff: 'The kiosk keeps no record of its use: kiosk.yaml says records: keep_days: 0.',
  sessions: (count: number) =>
    count === 1 ? '1 touch session in the last 30 days' : `${count} touch sessions in the last 30 days`,
  sessionsOn: (date: string, count: number) => `${date}: ${count === 1 ? '1 session' : `${count} sessions`}`,
  mostRead: 'Most read',
  timesRead: (count: number) => (count === 1 ? 'once' : `${count} times`),
  languagesUsed: 'Languages used',
  nothingYet: 'None yet.',
  previewAt: (moment: string) => `Preview for staff: the kiosk as at ${moment}; time runs on from there.`,
  previewKioskClosed: (until: string | null) =>
    `Preview for staff: the kiosk itself is closed now${until === null ? '' : `, until ${until}`}; the preview stays open so you can check the content.`,
} as const;

/** `Monday 7 December 2026 at 19:30 (Europe/London)`: a moment as staff read it, in the kiosk's time zone. */
export function formatMoment(instant: number, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(instant).find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')} (${timeZone})`;
}
