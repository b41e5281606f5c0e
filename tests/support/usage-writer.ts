import { UsageStore } from '../../src/node/usage/store';
import { systemClock } from '../../src/shared/clock';

/**
 * A process that writes the record of use as fast as it can, flushing every few milliseconds,
 * until it is killed: for the test that cuts the power, as it were, in the middle of it.
 * `node usage-writer.mjs DIR`; it prints "writing" once it has begun.
 */
const dir = process.argv[2] ?? '.';
const store = new UsageStore({
  dir,
  clock: systemClock,
  keepDays: () => 90,
  timeZone: () => 'Europe/London',
  syncEveryMs: 5,
  log: { warn: () => undefined, error: (message) => console.error(message) },
});

let count = 0;
async function write(): Promise<void> {
  for (;;) {
    const start = Date.now();
    await store.append(
      Array.from({ length: 5 }, () => ({
        type: 'shown' as const,
        what: 'slide' as const,
        id: `slide-${String(count++).padStart(6, '0')}`,
        language: 'en',
        start,
        seconds: 10,
      })),
    );
    if (count === 50) console.log('writing');
  }
}
void write();
