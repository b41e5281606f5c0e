import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server';
import type { ContentState } from '../../../src/shared/content';
import type { WatchFolder } from '../../../src/node/content/watch';
import { PreviewRoute } from '../../../src/shared/ipc';

let base: string;
let dir: string;
let server: PreviewServer;
let touch: (path: string) => void;
const logged: string[] = [];

const fakeWatch: WatchFolder = (_dir, onActivity) => {
  touch = onActivity;
  return { close: () => Promise.resolve() };
};

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-preview-'));
  dir = join(base, 'content');
  cpSync(resolve('tests/fixtures/three-slides'), dir, { recursive: true });
  logged.length = 0;
  server = await startPreviewServer({
    contentDir: dir,
    rendererDir: join(base, 'renderer'),
    port: 0,
    watch: fakeWatch,
    log: { info: () => undefined, warn: (line) => logged.push(line), error: (line) => logged.push(line) },
  });
});

afterEach(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

/** Reads Server-Sent Events until `count` messages have arrived. */
async function readEvents(response: Response, count: number): Promise<ContentState[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const messages: ContentState[] = [];
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data !== '') messages.push(JSON.parse(data) as ContentState);
    }
  }
  await reader.cancel();
  return messages;
}

describe('the preview server', () => {
  it('answers the content, as the kiosk would show it', async () => {
    const state = (await (
      await fetch(`${server.url}${PreviewRoute.content.slice(1)}`)
    ).json()) as ContentState;
    expect(state.deck?.slides).toHaveLength(3);
  });

  it('sends the current content at once on its event stream, then every change', async () => {
    const response = await fetch(`${server.url}${PreviewRoute.events.slice(1)}`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(response, 2);
    await new Promise((wait) => setTimeout(wait, 50));
    writeFileSync(join(dir, 'slides', '01-first.md'), '---\ntitle: Edited\nsummary: Edited.\n---\n');
    touch(join(dir, 'slides', '01-first.md'));
    const [first, second] = await events;
    expect(first?.deck?.slides[0]?.title).toBe('First slide');
    expect(second?.deck?.slides[0]?.title).toBe('Edited');
  });

  it('keeps the last good content when an edit breaks the folder, and tells the terminal why', async () => {
    const response = await fetch(`${server.url}${PreviewRoute.events.slice(1)}`);
    const events = readEvents(response, 2);
    await new Promise((wait) => setTimeout(wait, 50));
    writeFileSync(join(dir, 'slides', '01-first.md'), '---\nsummary: No title.\n---\n');
    touch(join(dir, 'slides', '01-first.md'));
    const [, broken] = await events;
    expect(broken?.fromLastGood).toBe(true);
    expect(broken?.deck?.slides[0]?.title).toBe('First slide');
    expect(logged).toContain(
      'content problem: slides/01-first.md:2:1 title is missing: every slide needs a title',
    );
  });

  it('serves pictures from the content folder and refuses everything else there', async () => {
    writeFileSync(join(base, 'secret.svg'), 'SECRET');
    symlinkSync(join(base, 'secret.svg'), join(dir, 'images', 'link.svg'));
    const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
    expect(await status('content/images/square.svg')).toBe(200);
    expect(await status('content/kiosk.yaml')).toBe(404);
    expect(await status('content/slides/01-first.md')).toBe(404);
    expect(await status('content/images/link.svg')).toBe(404);
    expect(await status('content/%2e%2e/secret.svg')).toBe(404);
  });

  it('lets the page keep the pictures the content names, whose addresses change with their files', async () => {
    const content = (await (await fetch(`${server.url}${PreviewRoute.content.slice(1)}`)).json()) as {
      deck: { slides: { image?: string }[] };
    };
    const named = content.deck.slides.find((slide) => slide.image !== undefined)?.image;
    expect(named).toMatch(/^content\/images\/square\.svg\?v=/);
    const kept = await fetch(`${server.url}${named}`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('Cache-Control')).toBe('max-age=31536000, immutable');
    const unversioned = await fetch(`${server.url}content/images/square.svg`);
    expect(unversioned.headers.get('Cache-Control')).toBe('no-store');
  });
});
