/**
 * How far a slide's title and summary may shrink to fit their box, for the page's fit step
 * (src/renderer/src/lib/fit-text.ts) and content:check's estimate of it
 * (src/node/content/text-fit.ts) alike.
 */

/**
 * Whole words are worth shrinking the text for, down to this: a word broken at an arbitrary
 * letter is hard to read for anyone who reads slowly. Below it, larger text with the word broken
 * is easier to read than smaller text.
 */
export const SMALLEST_WHOLE_WORD_SCALE = 0.6;

/** The smallest the text may be: the summary is then about as big as the subtitle. */
export const SMALLEST_TEXT_SCALE = 0.55;
