// @ts-check
/** Small statistics helpers: every figure in the table is a median with its min and max. */

/** @param {readonly unknown[]} values */
export function median(values) {
  const sorted = numbers(values);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return undefined;
  const lower = sorted[middle - 1];
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

/**
 * Nearest-rank percentile (p from 0 to 100): always one of the measured values.
 * @param {readonly unknown[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  const sorted = numbers(values);
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/**
 * { median, min, max, runs } of the values that were actually measured.
 * @param {readonly unknown[]} values
 */
export function summarize(values) {
  const sorted = numbers(values);
  return {
    median: median(sorted),
    min: sorted[0],
    max: sorted.at(-1),
    runs: sorted.length,
    values: values.map((value) => (typeof value === 'number' ? round(value, 3) : value)),
  };
}

/** @typedef {ReturnType<typeof summarize>} Summary */

/**
 * @param {number} value
 * @param {number} [digits]
 */
export function round(value, digits = 1) {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The finite numbers among `values`, sorted.
 * @param {readonly unknown[]} values
 */
function numbers(values) {
  return values
    .filter((value) => typeof value === 'number')
    .filter((value) => Number.isFinite(value))
    .sort((a, b) => a - b);
}
