import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PICTURE_CACHE_FOLDER, setupContent, type ContentService } from '../../../src/main/content';
import { LAST_GOOD_FILE } from '../../../src/node/content/last-good';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import { cachedPicturePath } from '../../../src/node/content/picture-cache';
import { inProcessAgent } from '../../support/in-process-agent';

let base: string;
let dir: string;
let stateDir: string;

function logged(spy: typeof log.warn | typeof log.error): string[] {
  return vi.mocked(spy).mock.calls.map(([message]) => message);
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
  const start = (agent = inProcessAgent(), withState = true) =>
    setupContent(dir, { spawnAgent: agent.spawn, ...(withState ? { stateDir } : {}) });
  const titles = (content: ContentService) => content.getContent().deck?.slides.map((slide) => slide.title);

  it('starts at once, before the folder is read, then shows the folder', async () => {
    const content = await start();
    expect(content.getContent()).toMatchObject({ deck: null, problems: [] });
    await vi.waitFor(() => expect(titles(content)).toEqual(['First slide', 'Second slide', 'Third slide']));
    content.close();
  });

  it('logs every problem with its file, errors as errors and warnings as warnings', async () => {
    writeFileSync(join(dir, 'slides', '02-second.md'), 'no front matter');
    writeFileSync(join(dir, 'kiosk.yaml'), 'title: Test clinic\nlanguages: [en, es]\n');
    const content = await start();
    await vi.waitFor(() =>
      expect(logged(log.error)).toEqual([
        expect.stringMatching(/^content problem: slides\/02-second\.md:1:1 .*front matter/),
      ]),
    );
    expect(logged(log.warn)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^content problem: slides\/01-first\.md .*Spanish/)]),
    );
    content.close();
  });

  it('keeps the last good content in the folder it is given, and starts on it after a restart with a broken folder', async () => {
    const first = await start();
    await vi.waitFor(() => expect(existsSync(join(stateDir, LAST_GOOD_FILE))).toBe(true));
    first.close();

    writeFileSync(join(dir, 'kiosk.yaml'), 'title: Test clinic\nattract:\n  seconds_per_slide: 1\n');
    const restarted = await start();
    // Before the folder is read again: the slides kept from before, at once.
    expect(restarted.getContent().deck?.slides).toHaveLength(3);
    await vi.waitFor(() =>
      expect(restarted.getContent().problems.map((problem) => problem.file)).toEqual(['kiosk.yaml']),
    );
    expect(restarted.getContent().fromLastGood).toBe(true);
    expect(restarted.getContent().deck?.slides).toHaveLength(3);
    restarted.close();
  });

  it('keeps the pictures it shows beside the last good content, where they are served from', async () => {
    const content = await start();
    await vi.waitFor(() => expect(titles(content)).toHaveLength(3));
    const picture = content.getContent().deck?.slides.find((slide) => slide.image !== undefined)?.image ?? '';
    expect(readFileSync(cachedPicturePath(join(stateDir, PICTURE_CACHE_FOLDER), picture), 'utf8')).toBe(
      readFileSync(join(dir, 'images', 'square.svg'), 'utf8'),
    );
    content.close();
  });

  it('reads the folder again when the content agent sees it change, and tells listeners', async () => {
    const agent = inProcessAgent();
    const content = await start(agent);
    await vi.waitFor(() => expect(titles(content)).toHaveLength(3));
    const listener = vi.fn();
    content.onChange(listener);

    writeFileSync(join(dir, 'slides', '01-first.md'), '---\ntitle: Edited\nsummary: Edited.\n---\n');
    agent.changed();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(titles(content)?.[0]).toBe('Edited');
    content.close();
  });
});
