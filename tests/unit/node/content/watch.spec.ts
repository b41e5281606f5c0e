import { isEditorLeftover } from '../../../../src/node/content/files';
import { systemClock } from '../../../../src/shared/clock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, QUIET_MS, watchContent, type WatchFolder } from '../../../../src/node/content/watch';

/** A folder watcher that reports whatever events the test makes up. */
function fakeFolder() {
  let report: ((path: string) => void) | undefined;
  const folder = {
    watchedDir: undefined as string | undefined,
    closed: false,
    event(path: string) {
      report?.(path);
    },
  };
  const watch: WatchFolder = (dir, onActivity) => {
    folder.watchedDir = dir;
    report = onActivity;
    return {
      close: () => {
        folder.closed = true;
        return Promise.resolve();
      },
    };
  };
  return { folder, watch };
}

function start() {
  const { folder, watch } = fakeFolder();
  const onSettled = vi.fn();
  const watcher = watchContent({ dir: '/content', watch, clock: systemClock, onSettled });
  return { folder, onSettled, watcher };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watching the content folder', () => {
  it('watches the folder it is given', () => {
    const { folder } = start();
    expect(folder.watchedDir).toBe('/content');
  });

  it('reloads once after an in-place save, however many change events the write makes', () => {
    const { folder, onSettled } = start();
    for (let chunk = 0; chunk < 5; chunk += 1) {
      vi.advanceTimersByTime(50);
      folder.event('/content/slides/01-a.md');
    }
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(onSettled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('reloads once when an editor writes a temporary file and renames it over the original', () => {
    const { folder, onSettled } = start();
    folder.event('/content/slides/01-a.md.tmp.1234');
    folder.event('/content/slides/01-a.md.tmp.1234');
    folder.event('/content/slides/01-a.md');
    vi.advanceTimersByTime(QUIET_MS);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('reloads once when a file is deleted and created again', () => {
    const { folder, onSettled } = start();
    folder.event('/content/slides/01-a.md');
    vi.advanceTimersByTime(QUIET_MS / 2);
    folder.event('/content/slides/01-a.md');
    vi.advanceTimersByTime(QUIET_MS);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('reloads once for a burst of saves, or a whole folder copied in', () => {
    const { folder, onSettled } = start();
    for (let file = 0; file < 40; file += 1) {
      folder.event(`/content/images/picture-${file}.png`);
      vi.advanceTimersByTime(QUIET_MS / 4);
    }
    vi.advanceTimersByTime(QUIET_MS);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('reloads again for a save that comes after the folder went quiet', () => {
    const { folder, onSettled } = start();
    folder.event('/content/kiosk.yaml');
    vi.advanceTimersByTime(QUIET_MS);
    folder.event('/content/kiosk.yaml');
    vi.advanceTimersByTime(QUIET_MS);
    expect(onSettled).toHaveBeenCalledTimes(2);
  });

  it('still reloads a folder that never goes quiet, every few seconds', () => {
    const { folder, onSettled } = start();
    for (let elapsed = 0; elapsed < MAX_WAIT_MS; elapsed += 100) {
      folder.event('/content/slides/01-a.md');
      vi.advanceTimersByTime(100);
    }
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('ignores the files editors keep beside the real ones', () => {
    const { folder, onSettled } = start();
    folder.event('/content/slides/.01-a.md.swp');
    folder.event('/content/slides/~$notes.docx');
    folder.event('/content/slides/4913');
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(onSettled).not.toHaveBeenCalled();
  });

  it('stops watching and reloads no more once closed', async () => {
    const { folder, onSettled, watcher } = start();
    folder.event('/content/kiosk.yaml');
    await watcher.close();
    folder.event('/content/kiosk.yaml');
    vi.advanceTimersByTime(MAX_WAIT_MS);
    expect(folder.closed).toBe(true);
    expect(onSettled).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('editor leftovers', () => {
  it.each([
    '.01-a.md.swp',
    '01-a.md.swx',
    '01-a.md~',
    '~$kiosk.yaml',
    '.#01-a.md',
    'picture.png.part',
    'picture.png.crdownload',
    '4913',
  ])('treats %s as a leftover', (name) => {
    expect(isEditorLeftover(`/content/slides/${name}`)).toBe(true);
  });

  it.each(['01-a.md', '01-a.es.md', 'kiosk.yaml', 'picture.png'])('treats %s as content', (name) => {
    expect(isEditorLeftover(`C:\\content\\slides\\${name}`)).toBe(false);
  });
});
