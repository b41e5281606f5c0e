import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ContentReadError,
  nodeContentFileSystem,
  withDeadlines,
  type ContentFileSystem,
} from '../../../../src/node/content/file-system';
import { systemClock } from '../../../../src/shared/clock';
import { FakeClock } from '../../support/fake-clock';

let dir: string;
const fs = nodeContentFileSystem(systemClock, 5_000);
const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => 'read',
    (error: unknown) => (error instanceof ContentReadError ? error.reason : String(error)),
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-fs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('reading a content folder on the real file system', () => {
  it('reads a regular file', async () => {
    writeFileSync(join(dir, 'a.md'), 'hello');
    expect(new TextDecoder().decode(await fs.readFile(join(dir, 'a.md'), 100))).toBe('hello');
  });

  it('never waits on a pipe named like a slide: it is refused as not a file', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    expect(await reason(fs.readFile(join(dir, 'pipe.md'), 100))).toBe('not-a-file');
    expect((await fs.stat(join(dir, 'pipe.md'))).isFile()).toBe(false);
  });

  it('refuses a link to a device, which would never stop giving bytes', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    expect(await reason(fs.readFile(join(dir, 'zero.md'), 100))).toBe('not-a-file');
  });

  it('reads at most one byte past the limit, however big the file is', async () => {
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(10_000));
    expect((await fs.readFile(join(dir, 'big.md'), 100)).length).toBe(101);
  });

  it('lists at most so many names of a folder', async () => {
    mkdirSync(join(dir, 'many'));
    for (let index = 0; index < 50; index += 1) writeFileSync(join(dir, 'many', `${index}.md`), '');
    expect(await fs.readdir(join(dir, 'many'), 10)).toHaveLength(10);
  });
});

describe('deadlines', () => {
  const hanging: ContentFileSystem = {
    readdir: () => new Promise(() => undefined),
    stat: () => new Promise(() => undefined),
    realpath: () => new Promise(() => undefined),
    readFile: () => new Promise(() => undefined),
  };

  it('fails a call that does not answer in time, as a share that stopped answering', async () => {
    const clock = new FakeClock();
    const timed = withDeadlines(hanging, clock, 5_000);
    const read = reason(timed.readFile('/share/slide.md', 100));
    const listed = reason(timed.readdir('/share/slides', 10));
    clock.advance(5_000);
    expect(await read).toBe('timeout');
    expect(await listed).toBe('timeout');
  });

  it('passes an answer given in time through, and leaves no timer behind', async () => {
    const clock = new FakeClock();
    const timed = withDeadlines({ ...hanging, realpath: (path) => Promise.resolve(path) }, clock, 5_000);
    expect(await timed.realpath('/content')).toBe('/content');
    expect(clock.pendingTimers).toBe(0);
  });
});
