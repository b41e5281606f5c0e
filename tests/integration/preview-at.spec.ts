import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built preview (`npm run test:integration` builds it first), as staff start it. */
function preview(...args: string[]) {
  return spawnSync(process.execPath, [resolve('out/main/preview.js'), '--port', '0', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm run preview -- --at', () => {
  it('refuses a moment it cannot read, saying how to write one', () => {
    const result = preview('--content', resolve('tests/fixtures/timed-slides'), '--at', '7 December, 7.30pm');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      '--at must be a date and time written year-month-day hours:minutes, such as 2026-12-07 08:00 (or a date alone) (it was given "7 December, 7.30pm").',
    );
  });

  it('refuses a day that is not in the calendar', () => {
    const result = preview('--content', resolve('tests/fixtures/timed-slides'), '--at', '2026-02-30 10:00');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--at is not a day of the calendar: check the month and the day');
  });

  it('refuses a moment the clocks skip in the kiosk’s time zone', () => {
    const result = preview('--content', resolve('tests/fixtures/timed-slides'), '--at', '2026-03-29 01:30');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      '--at 2026-03-29 01:30 never happens in Europe/London: the clocks go forward an hour then. Choose a time outside that hour.',
    );
  });
});
