/**
 * The workbench's words: for clinic staff checking their content, in plain English, as the staff
 * panel's are (src/renderer/src/i18n/staff.ts).
 */
export const workbenchText = {
  title: 'Clinic Kiosk Preview',
  showing: 'Showing',
  reading: 'Reading the content…',
  shapeLegend: 'Screen shape',
  shapeSize: (width: number, height: number) => `${width} × ${height}`,
  scale: (percent: number) =>
    percent >= 100 ? 'Shown at its real size.' : `Shown at ${percent}% of its real size.`,
  frameTitle: 'The kiosk screen, as patients will see it',
  problemsTitle: 'Problems',
  noProblems: 'No problems',
  noProblemsDetail: 'Every file was read without a mistake.',
  count: (errors: number, warnings: number) =>
    [
      errors === 0 ? undefined : errors === 1 ? '1 error' : `${errors} errors`,
      warnings === 0 ? undefined : warnings === 1 ? '1 warning' : `${warnings} warnings`,
    ]
      .filter((part) => part !== undefined)
      .join(', '),
  keptLastGood: 'Until the errors are fixed, the kiosk keeps showing the last version that had none.',
  nothingShown: 'Until the errors are fixed, the kiosk shows its standby screen.',
  errorsShown: 'Fix each error and save the file: this list changes by itself.',
  warningsOnly: 'The kiosk shows this content. The warnings are worth a look.',
  error: 'Error',
  warning: 'Warning',
  momentTitle: 'Moment shown',
  momentHelp:
    'See what the screen shows on another day or at another time: a Saturday, a date next month, after closing time.',
  now: 'Now',
  runsOn: 'Time runs on from there.',
  open: 'Open',
  closed: 'Closed',
  openNow: (until: string | null) => `The kiosk is open now${until === null ? '' : `, until ${until}`}.`,
  closedNow: (until: string | null) =>
    `The kiosk is closed now${until === null ? '' : `, until ${until}`}. The preview shows the slides anyway, so you can check them.`,
  openThen: 'The kiosk is open then.',
  closedThen: (until: string | null) =>
    `The kiosk is closed then${until === null ? '' : `, until ${until}`}: its screen is dark. Touch it to wake it, as on the real screen.`,
  onClinicClocks: (timeZone: string) => `Any day and time, on the clinic's clocks (${timeZone}).`,
  date: 'Date',
  time: 'Time',
  showMoment: 'Show this moment',
  backToNow: 'Back to now',
  chooseDate: 'Choose a date first.',
  noAnswer: 'The preview did not answer. Try again; if it still fails, close the preview and open it again.',
} as const;
