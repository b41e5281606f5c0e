import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupContent } from '../../../src/main/content';
import { LAST_GOOD_FILE } from '../../../src/node/content/last-good';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import { QUIET_MS, type WatchFolder } from '../../../src/node/content/watch';

let base: string;
let dir: string;
let stateDir: string;

function logged(spy: typeof log.warn | typeof log.error): string[] {
  return vi.mocked(spy).mock.calls.map(([message]) => message);
}

/** A watcher the test pokes by hand: `touch()` is what chokidar reports when a file is saved. */
function handWatch() {
  let report: (path: string) => void = () => undefined;
  const closed = vi.fn(() => Promise.resolve());
  const watch: WatchFolder = (_dir, onActivity) => {
    report = onActivity;
    return { close: closed };
  };
  return { watch, closed, touch: (path: string) => report(path) };
}

beforeEach(() => {
  silenceLog();
  base = mkdtempSync(join(tmpdir(), 'kiosk-content-'));
  dir = join(base, 'content');
  stateDir = join(base, 'user-data');
  cpSync(resolve('tests/fixtures/three-slides'), dir, { recursive: true });
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(base, { recursive: true, force: true });
});

describe('content in the main process', () => {
  it('loads the content folder from disk at startup', async () => {
    const content = await setupContent(dir, { watch: false });
    expect(content.getContent().deck?.slides.map((slide) => slide.title)).toEqual([
      'First slide',
      'Second slide',
      'Third slide',
    ]);
  });

  it('logs every problem with its file, errors as errors and warnings as warnings', async () => {
    writeFileSync(join(dir, 'slides', '02-second.md'), 'no front matter');
    writeFileSync(join(dir, 'kiosk.yaml'), 'title: Test clinic\nlanguages: [en, es]\n');
    await setupContent(dir, { watch: false });
    expect(logged(log.error)).toEqual([
      expect.stringMatching(/^content problem: slides\/02-second\.md:1:1 .*front matter/),
    ]);
    expect(logged(log.warn)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^content problem: slides\/01-first\.md .*Spanish/)]),
    );
  });

  it('keeps the last good content in the folder it is given, and shows it after a restart with a broken folder', async () => {
    await setupContent(dir, { watch: false, stateDir });
    expect(existsSync(join(stateDir, LAST_GOOD_FILE))).toBe(true);

    writeFileSync(join(dir, 'kiosk.yaml'), 'title: Test clinic\nattract:\n  seconds_per_slide: 1\n');
    const restarted = (await setupContent(dir, { watch: false, stateDir })).getContent();
    expect(restarted.fromLastGood).toBe(true);
    expect(restarted.deck?.slides).toHaveLength(3);
    expect(restarted.problems.map((problem) => problem.file)).toEqual(['kiosk.yaml']);
  });

  it('reloads once the watched folder has been quiet a moment, and tells listeners', async () => {
    vi.useFakeTimers();
    const folder = handWatch();
    const content = await setupContent(dir, { watch: folder.watch });
    const listener = vi.fn();
    content.onChange(listener);

    writeFileSync(join(dir, 'slides', '01-first.md'), '---\ntitle: Edited\nsummary: Edited.\n---\n');
    folder.touch(join(dir, 'slides', '01-first.md'));
    folder.touch(join(dir, 'slides', '01-first.md'));
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(content.getContent().deck?.slides[0]?.title).toBe('Edited');
  });

  it('stops watching when closed', async () => {
    const folder = handWatch();
    const content = await setupContent(dir, { watch: folder.watch });
    await content.close();
    expect(folder.closed).toHaveBeenCalledTimes(1);
  });
});
