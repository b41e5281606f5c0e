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
} as const;

export function formatDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min`;
}
