import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentFileSystem } from '../../../src/shared/content/load';
import { setupContent } from '../../../src/main/content';
import { log } from '../../../src/main/log';

const ROOT = '/content';

function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
}

/** An in-memory content folder: paths relative to ROOT, with forward slashes. */
function memoryFs(files: Record<string, string>): ContentFileSystem & { files: Record<string, string> } {
  const at = (path: string) => path.slice(ROOT.length + 1);
  return {
    files,
    readFile(path) {
      const text = files[at(path)];
      return text === undefined ? Promise.reject(notFound(path)) : Promise.resolve(text);
    },
    readdir(path) {
      const prefix = `${at(path)}/`;
      const names = Object.keys(files)
        .filter((name) => name.startsWith(prefix))
        .map((name) => name.slice(prefix.length));
      return names.length === 0 ? Promise.reject(notFound(path)) : Promise.resolve(names);
    },
    stat(path) {
      return files[at(path)] === undefined
        ? Promise.reject(notFound(path))
        : Promise.resolve({ isFile: () => true });
    },
  };
}

const KIOSK_YAML =
  'title: Test clinic\nlanguage: en\nattract:\n  seconds_per_slide: 2\ntouch:\n  idle_seconds: 6\n  warning_seconds: 3\n';
const slide = (title: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: A summary.\n${extra}---\nBody.\n`;

function logged(spy: typeof log.warn | typeof log.error): string[] {
  return vi.mocked(spy).mock.calls.map(([message]) => message);
}

beforeEach(() => {
  vi.spyOn(log, 'info').mockImplementation(() => undefined);
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
  vi.spyOn(log, 'error').mockImplementation(() => undefined);
});

describe('content setup', () => {
  it('loads the content folder at startup', async () => {
    const fs = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('First'),
      'slides/02-b.md': slide('Second'),
    });
    const content = await setupContent(ROOT, fs);
    expect(content.getContent().deck?.slides.map((s) => s.title)).toEqual(['First', 'Second']);
  });

  it('loads a real folder from disk by default', async () => {
    const content = await setupContent(resolve('tests/fixtures/three-slides'));
    expect(content.getContent().deck?.slides).toHaveLength(3);
  });

  it('logs every problem with its file', async () => {
    const fs = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('Fine'),
      'slides/02-b.md': 'no front matter',
    });
    const content = await setupContent(ROOT, fs);
    expect(content.getContent().problems).toHaveLength(1);
    expect(logged(log.error)).toEqual([
      expect.stringMatching(/^content problem: slides\/02-b\.md:1:1 .*front matter/),
    ]);
  });

  it('logs warnings as warnings', async () => {
    const fs = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('Fine', 'image: images/missing.svg\n'),
    });
    await setupContent(ROOT, fs);
    expect(logged(log.warn)).toEqual([
      expect.stringMatching(/^content problem: slides\/01-a\.md.*missing\.svg/),
    ]);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('shows the standby screen when the folder cannot be read at all', async () => {
    const failing: ContentFileSystem = {
      readFile: () => Promise.reject(new Error('EACCES')),
      readdir: () => Promise.reject(new Error('EACCES')),
      stat: () => Promise.reject(new Error('EACCES')),
    };
    const state = (await setupContent(ROOT, failing)).getContent();
    expect(state.deck).toBeNull();
    expect(state.problems.length).toBeGreaterThan(0);
  });

  it('turns an unexpected error while loading into a standby state instead of crashing', async () => {
    // A file system that misbehaves (no text where text is promised) makes the loader itself throw.
    const broken: ContentFileSystem = {
      readFile: () => Promise.resolve(null as unknown as string),
      readdir: () => Promise.resolve([]),
      stat: () => Promise.resolve({ isFile: () => true }),
    };
    const state = (await setupContent(ROOT, broken)).getContent();
    expect(state.deck).toBeNull();
    expect(state.standbyTitle).not.toBe('');
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]?.severity).toBe('error');
    expect(state.problems[0]?.message).toContain('could not be read');
    expect(logged(log.error)).toEqual([expect.stringContaining('could not be read')]);
  });
});

describe('content reload', () => {
  it('tells listeners about changed content and keeps it as current', async () => {
    const fs = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await setupContent(ROOT, fs);
    const listener = vi.fn();
    content.onChange(listener);
    fs.files['slides/01-a.md'] = slide('After');
    const state = await content.reload();
    expect(state.deck?.slides[0]?.title).toBe('After');
    expect(content.getContent()).toBe(state);
    expect(listener).toHaveBeenCalledExactlyOnceWith(state);
  });

  it('stays quiet when nothing changed', async () => {
    const content = await setupContent(
      ROOT,
      memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Same') }),
    );
    const listener = vi.fn();
    content.onChange(listener);
    await content.reload();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops telling a listener that unsubscribed', async () => {
    const fs = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await setupContent(ROOT, fs);
    const listener = vi.fn();
    content.onChange(listener)();
    fs.files['slides/01-a.md'] = slide('After');
    await content.reload();
    expect(listener).not.toHaveBeenCalled();
  });

  it('does not repeat a problem that is still there, but tells a new one', async () => {
    const fs = memoryFs({
      'kiosk.yaml': KIOSK_YAML,
      'slides/01-a.md': slide('Fine'),
      'slides/02-b.md': 'broken',
    });
    const content = await setupContent(ROOT, fs);
    await content.reload();
    expect(log.error).toHaveBeenCalledTimes(1);
    fs.files['slides/03-c.md'] = 'also broken';
    await content.reload();
    expect(logged(log.error)).toEqual([
      expect.stringContaining('02-b.md'),
      expect.stringContaining('03-c.md'),
    ]);
  });

  it('applies overlapping reloads in the order they were asked for', async () => {
    const fs = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('One') });
    const content = await setupContent(ROOT, fs);
    fs.files['slides/01-a.md'] = slide('Two');
    const first = content.reload();
    fs.files['slides/01-a.md'] = slide('Three');
    const second = content.reload();
    await Promise.all([first, second]);
    expect(content.getContent().deck?.slides[0]?.title).toBe('Three');
  });

  it('keeps other listeners informed when one of them fails', async () => {
    const fs = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('Before') });
    const content = await setupContent(ROOT, fs);
    content.onChange(() => {
      throw new Error('listener bug');
    });
    const listener = vi.fn();
    content.onChange(listener);
    fs.files['slides/01-a.md'] = slide('After');
    await content.reload();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
