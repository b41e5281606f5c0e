/**
 * The kiosk's one back-off: the wait before the next try after `attempt` failed ones (0 for the
 * first wait), doubling each time from `firstMs`, never beyond `maxMs`. Used wherever the kiosk
 * retries something that keeps failing, so it neither gives up nor spins.
 */
export function cappedBackoff(firstMs: number, attempt: number, maxMs: number): number {
  // Capping the exponent keeps 2 ** n finite however long the retries go on.
  return Math.min(firstMs * 2 ** Math.min(Math.max(0, attempt), 30), maxMs);
}
