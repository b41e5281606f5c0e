import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { cachedPictureRequest } from '../node/content/picture-route';
import { withFirstContent, withFirstSchedule } from '../node/http/first-content';
import { knownMimeType } from '../node/http/mime';
import { resolveInside } from '../node/http/safe-path';
import { securityHeaders } from '../node/http/security-headers';
import { openServedFile } from '../node/http/served-file';
import { cachedSpeechRequest } from '../node/speech/service';
import type { ContentState } from '../shared/content';
import { CONTENT_URL_PREFIX, SPEECH_URL_PREFIX, type ScheduleState } from '../shared/ipc';
import { APP_HOST, APP_SCHEME } from './app-url';
import { errnoCode } from '../node/errno';
import { createOnceFilter, describeError, log } from './log';

export interface ProtocolRoots {
  /** The built renderer: `out/renderer`. */
  readonly renderer: string;
  /** The picture cache: the checked copies of the content's pictures (src/node/content/picture-cache.ts). */
  readonly pictures: string;
  /** The spoken screens (src/node/speech/service.ts); without it, nothing is served as speech. */
  readonly speech?: string;
  /** The content the page shows first, written into the page itself (see first-content.ts). */
  readonly firstContent?: () => ContentState;
  /** The same for the schedule, once there is one: the first frame at night is the closed screen. */
  readonly firstSchedule?: () => ScheduleState | undefined;
}

export type Route =
  | {
      readonly kind: 'file';
      /** The app's own files (inside app.asar when packaged), or the picture or speech cache on disk. */
      readonly from: 'renderer' | 'pictures' | 'speech';
      readonly path: string;
      readonly contentType: string;
      /** Only a picture or speech, whose address names its version, may be kept by the page. */
      readonly cacheControl: string;
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed' };

const NOT_FOUND: Route = { kind: 'not-found' };
/** The page itself, in the built renderer. */
const PAGE_FILE = 'index.html';

/**
 * Decides what a request to `app://kiosk/...` is allowed to read. Pure, so traversal attempts can
 * be tested without Electron. The page's own files come from the built renderer, the path decoded
 * once and kept inside it; `content/...` comes only from the picture cache, by its exact address
 * (src/node/content/picture-route.ts), and `speech/...` only from the speech cache, by a name it
 * made itself. Nothing is read from the content folder itself: its text reaches the page through
 * IPC, already checked.
 */
export function routeRequest(method: string, url: string, roots: ProtocolRoots): Route {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NOT_FOUND;
  }
  if (
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.host !== APP_HOST ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return NOT_FOUND;
  }
  if (method !== 'GET') return { kind: 'method-not-allowed' };

  const pathname = parsed.pathname === '/' ? `/${PAGE_FILE}` : parsed.pathname;
  if (pathname.startsWith(`/${CONTENT_URL_PREFIX}`)) {
    const picture = cachedPictureRequest(roots.pictures, `${pathname.slice(1)}${parsed.search}`);
    return picture === undefined ? NOT_FOUND : { kind: 'file', from: 'pictures', ...picture };
  }
  if (pathname.startsWith(`/${SPEECH_URL_PREFIX}`)) {
    const speech =
      roots.speech === undefined ? undefined : cachedSpeechRequest(roots.speech, pathname.slice(1));
    return speech === undefined ? NOT_FOUND : { kind: 'file', from: 'speech', ...speech };
  }
  const path = resolveInside(roots.renderer, pathname);
  const contentType = path === undefined ? undefined : knownMimeType(path);
  if (path === undefined || contentType === undefined) return NOT_FOUND;
  return { kind: 'file', from: 'renderer', path, contentType, cacheControl: 'no-store' };
}

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        // A real origin (app://kiosk) so relative URLs resolve and same-origin rules apply.
        standard: true,
        // A secure context, as Vite's module scripts and modern web APIs expect.
        secure: true,
        // Module scripts (Vite adds `crossorigin`) are fetched in CORS mode: same-origin on a
        // standard scheme, so this is enough.
        supportFetchAPI: true,
        codeCache: true,
        // The page's <audio> plays spoken screens and recorded voices from here: media needs it.
        stream: true,
        // corsEnabled stays off: it would let other origins read these files, and none should.
      },
    },
  ]);
}

export function createAppRequestHandler(roots: ProtocolRoots): (request: Request) => Promise<Response> {
  const firstTime = createOnceFilter();
  const notFound = (url: string, why: string) => {
    if (firstTime(`${why} ${url}`)) log.warn(why, { url });
    return respond(404, 'Not Found');
  };
  const handle = async (request: Request): Promise<Response> => {
    const route = routeRequest(request.method, request.url, roots);
    if (route.kind === 'method-not-allowed') return respond(405, 'Method Not Allowed', { Allow: 'GET' });
    if (route.kind === 'not-found')
      return notFound(request.url, 'refused a request for something the app does not serve');
    const fileHeaders = { 'Content-Type': route.contentType, 'Cache-Control': route.cacheControl };
    try {
      if (route.from === 'renderer') return await rendererFile(route.path, fileHeaders);
      const file = await openServedFile(route.path);
      if (file === undefined) return notFound(request.url, 'the page asked for a file that does not exist');
      return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
        status: 200,
        headers: headers({ ...fileHeaders, 'Content-Length': String(file.size) }),
      });
    } catch (error) {
      log.error('could not read a file for the page', { url: request.url, error: describeError(error) });
      return respond(500, 'Internal Server Error');
    }
  };

  /** The app's own files are small, and read whole (the way files inside app.asar can be read). */
  async function rendererFile(path: string, fileHeaders: Record<string, string>): Promise<Response> {
    let body: string | Buffer;
    try {
      body = path === join(roots.renderer, PAGE_FILE) ? await pageWithData(path) : await readFile(path);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR')
        return notFound(path, 'the page asked for a file that does not exist');
      throw error;
    }
    return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
      status: 200,
      headers: headers(fileHeaders),
    });
  }

  /** The page, with the content and the schedule it shows first written into it. */
  async function pageWithData(path: string): Promise<string> {
    let page = await readFile(path, 'utf8');
    if (roots.firstContent !== undefined) page = withFirstContent(page, roots.firstContent());
    const schedule = roots.firstSchedule?.();
    return schedule === undefined ? page : withFirstSchedule(page, schedule);
  }

  return handle;
}

export function setupProtocol(roots: ProtocolRoots): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(roots));
}

function respond(status: number, text: string, extra: Readonly<Record<string, string>> = {}): Response {
  return new Response(text, {
    status,
    headers: headers({ 'Content-Type': 'text/plain; charset=utf-8', ...extra }),
  });
}

function headers(extra: Readonly<Record<string, string>>): Headers {
  return new Headers(securityHeaders(extra));
}
