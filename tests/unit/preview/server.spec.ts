import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_EVENT_CLIENTS } from '../../../src/preview/event-stream';
import { startPreviewServer, type PreviewServer } from '../../../src/preview/server';
import type { ContentState } from '../../../src/shared/content';
import {
  PREVIEW_SCHEDULE_EVENT,
  PreviewRoute,
  type PreviewAbout,
  type ScheduleState,
} from '../../../src/shared/ipc';
import type { SpeechEngine } from '../../../src/node/speech/engines';
import { inProcessAgent } from '../../support/in-process-agent';
import { silentWav } from '../../support/silent-wav';

/** An engine that writes a WAV header and a second of silence, and remembers what it said. */
const said: string[] = [];
const quietEngine: SpeechEngine = {
  name: 'quiet',
  voiceFor: (language) => Promise.resolve(language),
  synthesize(ssml, _voice, file) {
    said.push(ssml);
    writeFileSync(file, silentWav(1));
    return Promise.resolve();
  },
};

let base: string;
let dir: string;
let server: PreviewServer;
let agent: ReturnType<typeof inProcessAgent>;
const logged: string[] = [];
/** What the content agent's watcher reports when a file is saved. */
const touch = () => agent.changed();

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-preview-'));
  dir = join(base, 'content');
  cpSync(resolve('tests/fixtures/three-slides'), dir, { recursive: true });
  mkdirSync(join(base, 'renderer'));
  logged.length = 0;
  agent = inProcessAgent();
  server = await startPreviewServer({
    contentDir: dir,
    rendererDir: join(base, 'renderer'),
    port: 0,
    spawnAgent: agent.spawn,
    log: { info: () => undefined, warn: (line) => logged.push(line), error: (line) => logged.push(line) },
    speechEngine: quietEngine,
  });
  said.length = 0;
});

afterEach(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

/** Reads Server-Sent Events until `count` messages of content (the unnamed events) have arrived. */
function readEvents(response: Response, count: number): Promise<ContentState[]> {
  return readNamedEvents<ContentState>(response, undefined, count);
}

/** The same for the schedule's events. */
function readSchedules(response: Response, count: number): Promise<ScheduleState[]> {
  return readNamedEvents<ScheduleState>(response, PREVIEW_SCHEDULE_EVENT, count);
}

async function readNamedEvents<T>(response: Response, name: string | undefined, count: number): Promise<T[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const messages: T[] = [];
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const event = block.find((line) => line.startsWith('event: '))?.slice(7);
      if (event !== name) continue;
      const data = block
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data !== '') messages.push(JSON.parse(data) as T);
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
    touch();
    const [first, second] = await events;
    expect(first?.deck?.slides[0]?.title).toBe('First slide');
    expect(second?.deck?.slides[0]?.title).toBe('Edited');
  });

  it('keeps the last good content when an edit breaks the folder, and tells the terminal why', async () => {
    const response = await fetch(`${server.url}${PreviewRoute.events.slice(1)}`);
    const events = readEvents(response, 2);
    await new Promise((wait) => setTimeout(wait, 50));
    writeFileSync(join(dir, 'slides', '01-first.md'), '---\nsummary: No title.\n---\n');
    touch();
    const [, broken] = await events;
    expect(broken?.fromLastGood).toBe(true);
    expect(broken?.deck?.slides[0]?.title).toBe('First slide');
    expect(logged).toContain(
      'content problem: slides/01-first.md:2:1 title is missing: every slide needs a title',
    );
  });

  it('serves the pictures the content names, and nothing else of the content folder', async () => {
    writeFileSync(join(base, 'secret.svg'), 'SECRET');
    symlinkSync(join(base, 'secret.svg'), join(dir, 'images', 'link.svg'));
    const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
    const named = (await contentNow()).deck?.slides.find((slide) => slide.image !== undefined)?.image;
    expect(await status(named ?? '')).toBe(200);
    expect(await status('content/images/square.svg')).toBe(404);
    expect(await status('content/kiosk.yaml')).toBe(404);
    expect(await status('content/slides/01-first.md')).toBe(404);
    expect(await status('content/images/link.svg?v=1')).toBe(404);
    expect(await status('content/%2e%2e/secret.svg?v=1')).toBe(404);
  });

  it('lets the page keep the pictures the content names, whose addresses change with their files', async () => {
    const named = (await contentNow()).deck?.slides.find((slide) => slide.image !== undefined)?.image;
    expect(named).toMatch(/^content\/images\/square\.svg\?v=/);
    const kept = await fetch(`${server.url}${named}`);
    expect(kept.status).toBe(200);
    expect(kept.headers.get('Cache-Control')).toBe('max-age=31536000, immutable');
  });

  it('reads a screen aloud as the kiosk does, and serves the audio it made and nothing else', async () => {
    const ask = (body: string) =>
      fetch(`${server.url}${PreviewRoute.speech.slice(1)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    const answer = await ask(JSON.stringify({ language: 'es', parts: [{ kind: 'heading', text: 'Hola' }] }));
    expect(answer.status).toBe(200);
    const reply = (await answer.json()) as { ok: boolean; url: string; seconds: number };
    expect(reply).toMatchObject({ ok: true, seconds: 1 });
    expect(said).toEqual(['<speak xml:lang="es">Hola<break time="700ms"/></speak>']);
    const audio = await fetch(`${server.url}${reply.url}`);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('Content-Type')).toBe('audio/wav');
    expect(audio.headers.get('Content-Security-Policy')).toContain("media-src 'self'");
    expect((await fetch(`${server.url}speech/${'0'.repeat(40)}.wav`)).status).toBe(404);
    expect((await fetch(`${server.url}speech/..%2fkiosk.yaml`)).status).toBe(404);
    expect((await ask('not json')).status).toBe(400);
    expect((await ask(JSON.stringify({ language: 'es', parts: [] }))).status).toBe(400);
    expect(
      (
        await ask(
          JSON.stringify({ language: 'es', parts: [{ kind: 'paragraph', text: 'x'.repeat(200_000) }] }),
        )
      ).status,
    ).toBe(400);
    expect(said).toHaveLength(1);
  });

  it('answers only requests addressed to it by its own name', async () => {
    const { port } = new URL(server.url);
    const answer = (host: string) => request(port, `GET /api/content HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    expect(await answer(`127.0.0.1:${port}`)).toMatch(/^HTTP\/1\.1 200/);
    expect(await answer(`localhost:${port}`)).toMatch(/^HTTP\/1\.1 200/);
    // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) is refused.
    expect(await answer(`attacker.example:${port}`)).toMatch(/^HTTP\/1\.1 403/);
    expect(await answer('127.0.0.1:1')).toMatch(/^HTTP\/1\.1 403/);
  });

  it('answers a request it cannot read with 400, and goes on answering', async () => {
    const { port } = new URL(server.url);
    expect(await request(port, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 400/,
    );
    expect(await request(port, 'GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${server.url}api/content`)).status).toBe(200);
  });

  it('shows another moment when asked, tells its pages at once, and goes back to the present', async () => {
    const response = await fetch(`${server.url}${PreviewRoute.events.slice(1)}`);
    const schedules = readSchedules(response, 2);
    const chosen = await postMoment({ at: '2026-12-07 19:30' });
    expect(chosen.status).toBe(200);
    const at = Date.parse('2026-12-07T19:30:00Z');
    expect(await chosen.json()).toMatchObject({ preview: { at } });
    const [first, second] = await schedules;
    expect(first?.preview?.at).toBeNull();
    expect(second?.preview?.at).toBe(at);
    expect(((await (await fetch(`${server.url}api/schedule`)).json()) as ScheduleState).preview?.at).toBe(at);

    const back = await postMoment({ at: null });
    expect(((await back.json()) as ScheduleState).preview?.at).toBeNull();
  });

  it('refuses a moment it cannot read, or one the clocks skip, in plain words', async () => {
    const refusal = async (body: unknown) => {
      const response = await postMoment(body);
      return `${response.status} ${await response.text()}`;
    };
    expect(await refusal({ at: '2026-02-30 10:00' })).toBe(
      '400 The moment is not a day of the calendar: check the month and the day.',
    );
    expect(await refusal({ at: '7 December, 7.30pm' })).toBe(
      '400 The moment must be a date and time written year-month-day hours:minutes, such as 2026-12-07 08:00 (or a date alone).',
    );
    expect(await refusal({ at: '2026-12-07 25:00' })).toBe(
      '400 The moment has a time that does not exist: use 00:00 to 23:59.',
    );
    expect(await refusal({ at: 20261207 })).toMatch(/^400 The moment must be a date and time/);
    expect(await refusal(['2026-12-07'])).toMatch(/^400 Not a moment/);
    expect(await refusal({ at: `2026-12-07 10:00${' '.repeat(2000)}` })).toMatch(/^400 Not a moment/);

    // In the kiosk's time zone, once kiosk.yaml names one.
    writeFileSync(
      join(dir, 'kiosk.yaml'),
      `${readFileSync(join(dir, 'kiosk.yaml'), 'utf8')}timezone: Europe/London\n`,
    );
    touch();
    await vi.waitFor(async () =>
      expect(((await (await fetch(`${server.url}api/schedule`)).json()) as ScheduleState).timeZone).toBe(
        'Europe/London',
      ),
    );
    expect(await refusal({ at: '2026-03-29 01:30' })).toBe(
      '400 2026-03-29 01:30 never happens in Europe/London: the clocks go forward an hour then. Choose a time outside that hour.',
    );
    expect(
      ((await (await fetch(`${server.url}api/schedule`)).json()) as ScheduleState).preview?.at,
    ).toBeNull();
  });

  it('takes a moment only from its own pages, as JSON', async () => {
    const moment = JSON.stringify({ at: '2026-12-07 19:30' });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}${PreviewRoute.moment.slice(1)}`, { method: 'POST', headers, body: moment });
    // What a form on a web page elsewhere can send without the browser asking the preview first.
    expect((await post({ 'Content-Type': 'text/plain' })).status).toBe(403);
    expect((await post({ 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(403);
    expect((await post({ 'Content-Type': 'application/json', Origin: 'https://example.org' })).status).toBe(
      403,
    );
    expect((await fetch(`${server.url}${PreviewRoute.moment.slice(1)}`)).status).toBe(405);
    expect((await post({ 'Content-Type': 'application/json', Origin: server.url.slice(0, -1) })).status).toBe(
      200,
    );
  });

  it('lets its own workbench frame the kiosk page, and nothing else', async () => {
    writeFileSync(join(base, 'renderer', 'index.html'), '<html><head></head><body>kiosk</body></html>');
    writeFileSync(
      join(base, 'renderer', 'workbench.html'),
      '<html><head></head><body>workbench</body></html>',
    );
    const policy = async (path: string) =>
      (await fetch(`${server.url}${path}`)).headers.get('content-security-policy') ?? '';
    expect(await policy('')).toContain("frame-ancestors 'self'");
    expect(await policy('')).not.toContain('frame-src');
    const workbench = await fetch(`${server.url}${PreviewRoute.workbench.slice(1)}`);
    expect(await workbench.text()).toContain('workbench');
    const workbenchPolicy = workbench.headers.get('content-security-policy') ?? '';
    expect(workbenchPolicy).toContain("frame-src 'self'");
    expect(workbenchPolicy).toContain("frame-ancestors 'none'");
    expect(workbenchPolicy).toContain("default-src 'none'");
    expect(server.workbenchUrl).toBe(`${server.url}workbench`);
  });

  it('names the folder it shows', async () => {
    const about = (await (await fetch(`${server.url}${PreviewRoute.about.slice(1)}`)).json()) as PreviewAbout;
    expect(about).toEqual({ source: dir });
  });

  it('serves the page’s own files, and nothing beside them', async () => {
    writeFileSync(join(base, 'renderer', 'app.js'), 'console.log(1);');
    writeFileSync(join(base, 'secret.js'), 'SECRET');
    const app = await fetch(`${server.url}app.js`);
    expect(app.status).toBe(200);
    expect(app.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await app.text()).toBe('console.log(1);');
    expect((await fetch(`${server.url}%2e%2e/secret.js`)).status).toBe(404);
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
  });

  it('keeps only so many pages on its event stream, and asks the rest to come back later', async () => {
    const streams = await Promise.all(
      Array.from({ length: MAX_EVENT_CLIENTS }, () => fetch(`${server.url}${PreviewRoute.events.slice(1)}`)),
    );
    expect(streams.every((response) => response.status === 200)).toBe(true);
    const oneMore = await fetch(`${server.url}${PreviewRoute.events.slice(1)}`);
    expect(oneMore.status).toBe(503);
    await Promise.all(streams.map((response) => response.body?.cancel() ?? Promise.resolve()));
  });
});

function postMoment(body: unknown): Promise<Response> {
  return fetch(`${server.url}${PreviewRoute.moment.slice(1)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function contentNow(): Promise<ContentState> {
  return (await (await fetch(`${server.url}${PreviewRoute.content.slice(1)}`)).json()) as ContentState;
}

/** Sends raw bytes, as a hostile page or program could, and returns the first line of the answer. */
function request(port: string, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(raw));
    let answer = '';
    socket.on('data', (data) => {
      answer += String(data);
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.split('\r\n')[0] ?? '');
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}
