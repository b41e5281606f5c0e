import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { protocol } from 'electron';
import { isInsideFolder } from '../node/content/files';
import { pictureCaching, resolvePictureRequest } from '../node/content/picture-route';
import { CONTENT_URL_PREFIX } from '../shared/ipc';
import { withFirstContent } from '../node/http/first-content';
import { knownMimeType, pictureType } from '../node/http/mime';
import type { ContentState } from '../shared/content';
import { securityHeaders } from '../node/http/security-headers';
import { resolveInside } from '../node/http/safe-path';
import { APP_HOST, APP_SCHEME } from './app-url';
import { createOnceFilter, describeError, log } from './log';
import { errnoCode } from '../node/errno';

export interface ProtocolRoots {
  /** The built renderer: `out/renderer`. */
  readonly renderer: string;
  /** The content folder being shown. */
  readonly content: string;
  /** The content the page shows first, written into the page itself (see first-content.ts). */
  readonly firstContent?: () => ContentState;
}

export type Route =
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly contentType: string;
      /** Only a picture whose address names its version may be kept by the page. */
      readonly cacheControl: string;
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'method-not-allowed' };

const NOT_FOUND: Route = { kind: 'not-found' };
/** The page itself, in the built renderer. */
const PAGE_FILE = 'index.html';

/**
 * Decides what a request to `app://kiosk/...` is allowed to read. Pure, so traversal attempts can
 * be tested without Electron. Only pictures are served from the content folder: its YAML and
 * Markdown reach the page through IPC, already checked, and nothing else there is the page's business.
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

  const pathname = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  const contentPrefix = `/${CONTENT_URL_PREFIX}`;
  const fromContent = pathname.startsWith(contentPrefix);
  const root = fromContent ? roots.content : roots.renderer;
  const path = resolveInside(root, fromContent ? pathname.slice(contentPrefix.length) : pathname);
  if (path === undefined) return NOT_FOUND;

  // From the content folder, only the kinds of picture a slide may show.
  const contentType = fromContent ? pictureType(path) : knownMimeType(path);
  if (contentType === undefined) return NOT_FOUND;
  return {
    kind: 'file',
    path,
    contentType,
    cacheControl: fromContent ? pictureCaching(parsed.searchParams) : 'no-store',
  };
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
        // corsEnabled stays off: it would let other origins read these files, and none should.
      },
    },
  ]);
}

export function createAppRequestHandler(roots: ProtocolRoots): (request: Request) => Promise<Response> {
  const firstTime = createOnceFilter();
  return async (request) => {
    const route = routeRequest(request.method, request.url, roots);
    if (route.kind === 'method-not-allowed') return respond(405, 'Method Not Allowed', { Allow: 'GET' });
    if (route.kind === 'not-found') {
      if (firstTime(`404 ${request.url}`))
        log.warn('refused a request for something the app does not serve', { url: request.url });
      return respond(404, 'Not Found');
    }
    // A symbolic link inside the content folder must not lead the page to a file outside it.
    if (isInsideFolder(roots.content, route.path) && !(await isRealPicture(roots.content, route.path))) {
      if (firstTime(`outside ${request.url}`))
        log.warn('refused a picture that is missing or leads outside the content folder', {
          url: request.url,
        });
      return respond(404, 'Not Found');
    }
    try {
      if (roots.firstContent !== undefined && route.path === join(roots.renderer, PAGE_FILE)) {
        const page = withFirstContent(await readFile(route.path, 'utf8'), roots.firstContent());
        return new Response(page, {
          status: 200,
          headers: headers({ 'Content-Type': route.contentType, 'Cache-Control': route.cacheControl }),
        });
      }
      const body = await readFile(route.path);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: headers({ 'Content-Type': route.contentType, 'Cache-Control': route.cacheControl }),
      });
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        if (firstTime(`missing ${request.url}`))
          log.warn('the page asked for a file that does not exist', { url: request.url });
        return respond(404, 'Not Found');
      }
      log.error('could not read a file for the page', { url: request.url, error: describeError(error) });
      return respond(500, 'Internal Server Error');
    }
  };
}

async function isRealPicture(contentRoot: string, path: string): Promise<boolean> {
  const urlPath = relative(contentRoot, path).split(sep).join('/');
  return (await resolvePictureRequest(contentRoot, urlPath, realpath)) !== undefined;
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
