/** Every word of the interface, in one table, so that the code never spells out patient-facing text. */
export const strings = {
  touchToLearnMore: 'Touch to learn more',
  previous: 'Previous',
  next: 'Next',
  allTopics: 'All topics',
  learnMore: 'Learn more',
  close: 'Close',
  backToStart: 'Back to start',
  stillThere: 'Still there?',
  returningIn: (seconds: number) =>
    seconds === 1 ? 'Going back to the start in 1 second.' : `Going back to the start in ${seconds} seconds.`,
  stayHere: 'I’m still here',
  slideOf: (slide: number, count: number) => `${slide} of ${count}`,
  slideProgress: (slide: number, count: number) => `Topic ${slide} of ${count}`,
  chooseTopic: 'Choose a topic',
  standby: 'Information will be back shortly.',
} as const;
