import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryLastGoodStore,
  type LastGoodStore,
  type StoredContent,
} from '../../../../src/node/content/last-good';
import { startLiveContent, type ContentLog } from '../../../../src/node/content/live';
import { loadContentSafely } from '../../../../src/node/content/load';
import { FakeClock } from '../../support/fake-clock';
import type { ContentState } from '../../../../src/shared/content';
import { KIOSK_YAML, memoryFs, ROOT, slide } from './memory-fs';

function quietLog(): ContentLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

function setup(
  files: Record<string, string>,
  { store = createMemoryLastGoodStore(), dir = ROOT }: { store?: LastGoodStore; dir?: string } = {},
) {
  const fs = memoryFs(files);
  const log = quietLog();
  const start = () =>
    startLiveContent({
      dir,
      load: () => loadContentSafely(ROOT, fs),
      store,
      log,
      clock: new FakeClock('2026-03-02T09:00:00Z'),
      waitForFirstLoad: true,
    });
  return { fs, log, store, start };
}

const titles = (state: { deck: { slides: readonly { title: string }[] } | null }) =>
  state.deck?.slides.map((s) => s.title);

describe('live content', () => {
  it('shows good content and keeps it as the last good content', async () => {
    const { start, store } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('First') });
    const content = await start();
    expect(titles(content.getContent())).toEqual(['First']);
    expect(content.getContent().fromLastGood).toBeUndefined();
    expect(await store.read()).toMatchObject({ dir: ROOT, savedAt: '2026-03-02T09:00:00.000Z' });
  });

  it('keeps showing the last good content while the folder has errors, and tells what is wrong', async () => {
    const { start, fs, log } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await start();
    const listener = vi.fn();
    content.onChange(listener);

    fs.files['slides/01-a.md'] = '---\nsummary: The title was deleted by mistake.\n---\n';
    const state = await content.reload();
    expect(titles(state)).toEqual(['Before']);
    expect(state.fromLastGood).toBe(true);
    expect(state.problems.map((problem) => problem.file)).toEqual(['slides/01-a.md']);
    expect(listener).toHaveBeenCalledExactlyOnceWith(state);
    expect(log.lines).toEqual(
      expect.arrayContaining([
        'error content problem: slides/01-a.md:2:1 title is missing: every slide needs a title',
        'warn the content folder has errors: still showing the last good content, from 2026-03-02T09:00:00.000Z',
      ]),
    );
  });

  it('shows the new content as soon as the mistake is fixed', async () => {
    const { start, fs } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await start();
    fs.files['slides/01-a.md'] = 'broken';
    await content.reload();
    fs.files['slides/01-a.md'] = slide('After');
    const state = await content.reload();
    expect(titles(state)).toEqual(['After']);
    expect(state.fromLastGood).toBeUndefined();
    expect(state.problems).toEqual([]);
  });

  it('does not count warnings as mistakes: content with warnings is shown', async () => {
    const { start, fs } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await start();
    fs.files['kiosk.yaml'] = `${KIOSK_YAML.replace('language: en\n', '')}languages: [en, es]\n`;
    fs.files['slides/01-a.md'] = slide('After, not yet translated');
    const state = await content.reload();
    expect(titles(state)).toEqual(['After, not yet translated']);
    expect(state.problems.map((problem) => problem.severity)).toEqual(['warning']);
  });

  it('after a restart with a broken folder, shows the last good content kept from before', async () => {
    const store = createMemoryLastGoodStore();
    const first = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Kept') }, { store });
    await first.start();
    const second = setup({ 'kiosk.yaml': 'title: [broken\n', 'slides/01-a.md': slide('Kept') }, { store });
    const state = (await second.start()).getContent();
    expect(titles(state)).toEqual(['Kept']);
    expect(state.fromLastGood).toBe(true);
    expect(state.problems).toHaveLength(1);
  });

  it('never shows another folder’s last good content', async () => {
    const store = createMemoryLastGoodStore();
    await setup(
      { 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Other folder') },
      { store, dir: '/other' },
    ).start();
    const state = (await setup({ 'kiosk.yaml': 'title: Broken\n' }, { store }).start()).getContent();
    expect(state.deck).toBeNull();
    expect(state.standbyTitle).toBe('Broken');
  });

  it('with no good content ever, shows what it can, and recovers by itself once the folder is fixed', async () => {
    const { start, fs } = setup({ 'kiosk.yaml': KIOSK_YAML });
    const content = await start();
    expect(content.getContent().deck).toBeNull();
    expect(content.getContent().standbyTitle).toBe('Test clinic');

    fs.files['slides/01-a.md'] = slide('Good');
    fs.files['slides/02-b.md'] = 'broken';
    expect(titles(await content.reload())).toEqual(['Good']);

    fs.files['slides/02-b.md'] = slide('Also good');
    expect(titles(await content.reload())).toEqual(['Good', 'Also good']);
  });

  it('keeps showing good content when the last good content cannot be saved, and says so', async () => {
    const store: LastGoodStore = {
      read: () => Promise.resolve(undefined),
      write: () => Promise.reject(new Error('disk full')),
    };
    const { start, log } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Shown') }, { store });
    const content = await start();
    expect(titles(content.getContent())).toEqual(['Shown']);
    expect(log.lines).toContain('error the last good content could not be saved: Error: disk full');
  });

  it('starts anyway when the last good content cannot be read', async () => {
    const store: LastGoodStore = {
      read: () => Promise.reject(new Error('damaged')),
      write: () => Promise.resolve(),
    };
    const { start, log } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Shown') }, { store });
    expect(titles((await start()).getContent())).toEqual(['Shown']);
    expect(log.lines[0]).toBe(
      'warn the last good content could not be read, so it is not used: Error: damaged',
    );
  });

  it('saves the last good content only when it changed', async () => {
    const memory = createMemoryLastGoodStore();
    const write = vi.fn((content: StoredContent) => memory.write(content));
    const { start, fs } = setup(
      { 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Same') },
      { store: { read: memory.read, write } },
    );
    const content = await start();
    await content.reload();
    expect(write).toHaveBeenCalledTimes(1);
    fs.files['slides/01-a.md'] = slide('Changed');
    await content.reload();
    expect(write).toHaveBeenCalledTimes(2);
  });
});

describe('live content listeners and logging', () => {
  it('stays quiet when nothing changed', async () => {
    const { start } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Same') });
    const content = await start();
    const listener = vi.fn();
    content.onChange(listener);
    await content.reload();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops telling a listener that unsubscribed', async () => {
    const { start, fs } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await start();
    const listener = vi.fn();
    content.onChange(listener)();
    fs.files['slides/01-a.md'] = slide('After');
    await content.reload();
    expect(listener).not.toHaveBeenCalled();
  });

  it('does not repeat a problem that is still there, but tells a new one', async () => {
    const { start, fs, log } = setup({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('Fine'),
      'slides/02-b.md': 'broken',
    });
    const content = await start();
    await content.reload();
    fs.files['slides/03-c.md'] = 'also broken';
    await content.reload();
    expect(log.lines.filter((line) => line.startsWith('error'))).toEqual([
      expect.stringContaining('02-b.md'),
      expect.stringContaining('03-c.md'),
    ]);
  });

  it('applies overlapping reloads in the order they were asked for', async () => {
    const { start, fs } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('One') });
    const content = await start();
    fs.files['slides/01-a.md'] = slide('Two');
    const first = content.reload();
    fs.files['slides/01-a.md'] = slide('Three');
    const second = content.reload();
    await Promise.all([first, second]);
    expect(titles(content.getContent())).toEqual(['Three']);
  });

  it('keeps other listeners informed when one of them fails', async () => {
    const { start, fs, log } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await start();
    content.onChange(() => {
      throw new Error('listener bug');
    });
    const listener = vi.fn();
    content.onChange(listener);
    fs.files['slides/01-a.md'] = slide('After');
    await content.reload();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(log.lines).toContain('error a content listener failed: Error: listener bug');
  });
});

describe('starting without waiting for the folder', () => {
  const never = () => new Promise<never>(() => undefined);

  it('starts at once on the last good content, before the folder answers', async () => {
    const store = createMemoryLastGoodStore();
    const { start } = setup({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Kept') }, { store });
    await start();
    const content = await startLiveContent({ dir: ROOT, load: never, store, log: quietLog() });
    expect(titles(content.getContent())).toEqual(['Kept']);
  });

  it('starts at once on a calm standby screen when there is no last good content', async () => {
    const content = await startLiveContent({
      dir: ROOT,
      load: never,
      store: createMemoryLastGoodStore(),
      log: quietLog(),
    });
    expect(content.getContent()).toMatchObject({ deck: null, standbyTitle: 'Welcome', problems: [] });
  });

  it('tells listeners when the first reading of the folder arrives', async () => {
    let answer: (state: ContentState) => void = () => undefined;
    const content = await startLiveContent({
      dir: ROOT,
      load: () => new Promise((resolve) => (answer = resolve)),
      store: createMemoryLastGoodStore(),
      log: quietLog(),
    });
    const listener = vi.fn();
    content.onChange(listener);
    answer(
      await loadContentSafely(ROOT, memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Read') })),
    );
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(titles(content.getContent())).toEqual(['Read']);
  });

  it('reads once more after a slow load, however many times it was asked meanwhile', async () => {
    let loads = 0;
    let finish: () => void = () => undefined;
    const files = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('A') });
    const content = await startLiveContent({
      dir: ROOT,
      load: async () => {
        loads += 1;
        await new Promise<void>((resolve) => (finish = resolve));
        return loadContentSafely(ROOT, files);
      },
      store: createMemoryLastGoodStore(),
      log: quietLog(),
    });
    const asks = [content.reload(), content.reload(), content.reload()];
    finish();
    await vi.waitFor(() => expect(loads).toBe(2));
    finish();
    await Promise.all(asks);
    expect(loads).toBe(2);
  });
});
