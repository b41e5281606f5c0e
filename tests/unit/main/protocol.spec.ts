import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { protocol } from '../electron-mock';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import type { ContentState } from '../../../src/shared/content';
import { cachedPicturePath } from '../../../src/node/content/picture-cache';
import { CONTENT_SECURITY_POLICY } from '../../../src/node/http/security-headers';
import {
  createAppRequestHandler,
  registerAppScheme,
  routeRequest,
  setupProtocol,
  type ProtocolRoots,
} from '../../../src/main/protocol';

const SECRET = 'SECRET-OUTSIDE-THE-APP';
// Created at load time: the test tables below are built from these paths.
const base = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'));
const roots: ProtocolRoots = {
  renderer: join(base, 'renderer'),
  pictures: join(base, 'pictures'),
  speech: join(base, 'speech'),
};
/** A spoken screen as the speech service names it. */
const SPOKEN = `speech/${'ab12'.repeat(10)}.wav`;
/** A picture as the loader names it, and its checked copy in the picture cache. */
const HEART = 'content/images/heart.svg?v=4k-1-1';

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

beforeAll(() => {
  write(join(roots.renderer, 'index.html'), '<!doctype html><title>Kiosk</title>');
  write(join(roots.renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  write(join(roots.renderer, 'assets', 'index-abc.css'), 'body{}');
  write(cachedPicturePath(roots.pictures, HEART), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write(join(base, 'speech', `${'ab12'.repeat(10)}.wav`), 'RIFF....WAVE');
  write(join(base, 'speech', 'secret.wav'), SECRET);
  // Files a traversal would reach: beside the served folders, with extensions that are served.
  write(join(base, 'secret.html'), SECRET);
  write(join(base, 'secret.svg'), SECRET);
  write(join(roots.pictures, 'secret.svg'), SECRET);
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

beforeEach(() => {
  silenceLog();
});

async function get(url: string, method = 'GET'): Promise<Response> {
  return createAppRequestHandler(roots)(new Request(url, { method }));
}

function isInsideServedFolders(path: string): boolean {
  return (
    path.startsWith(roots.renderer + sep) ||
    path.startsWith(roots.pictures + sep) ||
    path.startsWith(join(base, 'speech') + sep)
  );
}

describe('app protocol routing', () => {
  it('maps the page to the built renderer folder', () => {
    expect(routeRequest('GET', 'app://kiosk/index.html', roots)).toEqual({
      kind: 'file',
      from: 'renderer',
      path: join(roots.renderer, 'index.html'),
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'no-store',
    });
  });

  it('maps the bare origin to the page', () => {
    expect(routeRequest('GET', 'app://kiosk/', roots)).toMatchObject({
      path: join(roots.renderer, 'index.html'),
    });
  });

  it('maps a picture address to its checked copy in the picture cache, never to a path it spells', () => {
    expect(routeRequest('GET', `app://kiosk/${HEART}`, roots)).toEqual({
      kind: 'file',
      from: 'pictures',
      path: cachedPicturePath(roots.pictures, HEART),
      contentType: 'image/svg+xml',
      cacheControl: 'max-age=31536000, immutable',
    });
  });

  it('maps a spoken screen’s address to the file the speech service named, and nothing else', () => {
    expect(routeRequest('GET', `app://kiosk/${SPOKEN}`, roots)).toEqual({
      kind: 'file',
      from: 'speech',
      path: join(base, 'speech', `${'ab12'.repeat(10)}.wav`),
      contentType: 'audio/wav',
      cacheControl: 'max-age=31536000, immutable',
    });
    for (const path of ['speech/secret.wav', 'speech/a/secret.wav', `speech/${'AB12'.repeat(10)}.wav`]) {
      expect(routeRequest('GET', `app://kiosk/${path}`, roots), path).toEqual({ kind: 'not-found' });
    }
    expect(routeRequest('GET', `app://kiosk/${SPOKEN}`, { ...roots, speech: undefined })).toEqual({
      kind: 'not-found',
    });
  });

  it('ignores the query string and fragment', () => {
    expect(routeRequest('GET', 'app://kiosk/assets/index-abc.js?v=1#x', roots)).toMatchObject({
      path: join(roots.renderer, 'assets', 'index-abc.js'),
    });
  });

  it('refuses anything under content/ that is not a picture with its version', () => {
    expect(routeRequest('GET', 'app://kiosk/content/kiosk.yaml', roots)).toEqual({ kind: 'not-found' });
    expect(routeRequest('GET', 'app://kiosk/content/secret.html?v=1', roots)).toEqual({ kind: 'not-found' });
    expect(routeRequest('GET', 'app://kiosk/content/images/heart.svg', roots)).toEqual({ kind: 'not-found' });
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['credentials in the URL', 'app://kiosk@evil/index.html'],
    ['another scheme', 'https://kiosk/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['something that is not a URL', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(routeRequest('GET', url, roots)).toEqual({ kind: 'not-found' });
  });

  it.each([
    ['an encoded slash after ..', 'app://kiosk/..%2fsecret.html'],
    ['an encoded slash in content/', 'app://kiosk/content/..%2fsecret.svg'],
    ['encoded dots and slash', 'app://kiosk/content/%2e%2e%2fsecret.svg'],
    ['a doubly nested escape', 'app://kiosk/assets/..%2f..%2fsecret.html'],
    ['an encoded backslash', 'app://kiosk/content/..%5csecret.svg'],
    ['an encoded NUL byte', 'app://kiosk/index.html%00.svg'],
    ['broken percent-encoding', 'app://kiosk/%E0%A4%A.html'],
  ])('refuses a traversal attempt with %s', (_name, url) => {
    expect(routeRequest('GET', url, roots)).toEqual({ kind: 'not-found' });
  });

  it.each([
    ['plain ..', 'app://kiosk/../secret.html'],
    ['encoded dots', 'app://kiosk/%2e%2e/secret.html'],
    ['.. after content/', 'app://kiosk/content/../../secret.svg'],
    ['an absolute path', `app://kiosk/${join(base, 'secret.html')}`],
  ])('never resolves outside the served folders, given %s', (_name, url) => {
    const route = routeRequest('GET', url, roots);
    if (route.kind === 'file') expect(isInsideServedFolders(route.path)).toBe(true);
  });

  it('refuses methods other than GET', () => {
    expect(routeRequest('POST', 'app://kiosk/index.html', roots)).toEqual({ kind: 'method-not-allowed' });
  });
});

describe('app protocol responses', () => {
  it('serves the page with its type and the Content-Security-Policy header', async () => {
    const response = await get('app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Kiosk</title>');
  });

  it('writes the content the page shows first into the page itself', async () => {
    const first: ContentState = {
      deck: null,
      deckRevision: null,
      standbyTitle: 'Clinic </script>',
      problems: [],
    };
    const withContent = createAppRequestHandler({ ...roots, firstContent: () => first });
    const page = await (await withContent(new Request('app://kiosk/'))).text();
    const block = /<script type="application\/json" id="kiosk-first-content">(.*?)<\/script>/.exec(page);
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual(first);
  });

  it('writes the schedule into the page too, so that the first frame at night is the closed screen', async () => {
    const schedule = { open: false, nextChangeAt: null, timeZone: 'Europe/London', wakeSeconds: 120 };
    const handler = createAppRequestHandler({ ...roots, firstSchedule: () => schedule });
    const page = await (await handler(new Request('app://kiosk/'))).text();
    const block = /<script type="application\/json" id="kiosk-first-schedule">(.*?)<\/script>/.exec(page);
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual(schedule);
  });

  it('serves scripts and styles with their types', async () => {
    expect((await get('app://kiosk/assets/index-abc.js')).headers.get('Content-Type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get('app://kiosk/assets/index-abc.css')).headers.get('Content-Type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('serves a checked picture from the picture cache, as a stream with its length', async () => {
    const response = await get(`app://kiosk/${HEART}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(response.headers.get('Content-Length')).toBe(
      String('<svg xmlns="http://www.w3.org/2000/svg"/>'.length),
    );
    expect(await response.text()).toContain('<svg');
  });

  it('serves a spoken screen as audio the page may keep', async () => {
    const response = await get(`app://kiosk/${SPOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('audio/wav');
    expect(response.headers.get('Cache-Control')).toBe('max-age=31536000, immutable');
    expect(await response.text()).toBe('RIFF....WAVE');
    expect((await get(`app://kiosk/speech/${'cd34'.repeat(10)}.wav`)).status).toBe(404);
  });

  it('lets the page keep a picture, whose address names its version, and nothing else', async () => {
    expect((await get(`app://kiosk/${HEART}`)).headers.get('Cache-Control')).toBe(
      'max-age=31536000, immutable',
    );
    expect((await get('app://kiosk/index.html?v=1')).headers.get('Cache-Control')).toBe('no-store');
  });

  it('serves a picture whose name has a per cent sign in it, at the address the loader wrote', async () => {
    // The loader writes images/50%off.png as content/images/50%25off.png?v=...; the page asks for just that.
    const address = `content/images/${encodeURIComponent('50%off.png')}?v=1-2-3`;
    write(cachedPicturePath(roots.pictures, address), 'png');
    expect((await get(`app://kiosk/${address}`)).status).toBe(200);
  });

  it('answers 404 for a picture the cache does not hold, or a missing file', async () => {
    expect((await get('app://kiosk/content/images/missing.svg?v=1-2-3')).status).toBe(404);
    expect((await get('app://kiosk/assets/missing.js')).status).toBe(404);
  });

  it('answers 404, and never a pipe that would hold the request, for a picture that is no file', async () => {
    const pipe = 'content/images/pipe.png?v=1';
    mkdirSync(roots.pictures, { recursive: true });
    execFileSync('mkfifo', [cachedPicturePath(roots.pictures, pipe)]);
    expect((await get(`app://kiosk/${pipe}`)).status).toBe(404);
  });

  it('answers 404 for a folder', async () => {
    mkdirSync(join(roots.renderer, 'folder.js'), { recursive: true });
    expect((await get('app://kiosk/folder.js')).status).toBe(404);
  });

  it.each([
    'app://kiosk/../secret.html',
    'app://kiosk/%2e%2e/secret.html',
    'app://kiosk/content/%2e%2e/%2e%2e/secret.svg?v=1',
    'app://kiosk/content/..%2fsecret.svg?v=1',
    'app://kiosk/content/..%2f..%2fsecret.svg?v=1',
    'app://kiosk/content/secret.svg?v=1',
    'app://kiosk/content/secret.html',
    'app://kiosk/speech/secret.wav',
    'app://kiosk/speech/%2e%2e/speech/secret.wav',
    'app://other/index.html',
  ])('never returns a file from outside the served folders for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 405 to a POST', async () => {
    const response = await get('app://kiosk/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET');
  });

  it('logs a refused request once, however often it is repeated', async () => {
    const handle = createAppRequestHandler(roots);
    await handle(new Request('app://kiosk/content/kiosk.yaml'));
    await handle(new Request('app://kiosk/content/kiosk.yaml'));
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});

describe('app scheme registration', () => {
  it('registers app as a standard, secure scheme without opening it to other origins', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as unknown as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
    });
    expect(schemes[0]?.privileges.corsEnabled).not.toBe(true);
    expect(schemes[0]?.privileges.bypassCSP).not.toBe(true);
  });

  it('handles app:// requests once set up', async () => {
    setupProtocol(roots);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler?.(new Request('app://kiosk/index.html'));
    expect(response?.status).toBe(200);
  });
});
