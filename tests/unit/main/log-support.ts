import { vi } from 'vitest';
import { log } from '../../../src/main/log';

/**
 * Keeps the main process's log lines out of the test output. Each level stays a spy, so a test can
 * still check what was logged; `restoreMocks` puts the real logger back after every test.
 */
export function silenceLog(): void {
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(log, level).mockImplementation(() => undefined);
  }
}
