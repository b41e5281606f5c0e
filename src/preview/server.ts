import fs from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMemoryLastGoodStore } from '../node/content/last-good';
import { startLiveContent, type ContentLog } from '../node/content/live';
import { loadContentSafely } from '../node/content/load';
import { pictureCaching, resolvePictureRequest } from '../node/content/picture-route';
import { systemClock } from '../shared/clock';
import { watchContent, type WatchFolder } from '../node/content/watch';
import { CONTENT_URL_PREFIX, PreviewRoute, type PageErrorReport } from '../shared/ipc';
import { createPageErrorLogger, parsePageErrorReport } from '../node/page-errors';
import { withFirstContent } from '../node/http/first-content';
import { mimeType } from '../node/http/mime';
import type { ContentState } from '../shared/content';
import { securityHeaders } from '../node/http/security-headers';
import { resolveInside } from '../node/http/safe-path';
import { watchWithChokidar } from '../node/content/watch-chokidar';
import { createEventStream } from './event-stream';

export interface PreviewOptions {
  readonly contentDir: string;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  readonly port: number;
  /** How the content folder is watched; false to read it once only. */
  readonly watch?: WatchFolder | false;
  /** Where content problems are told: the terminal, unless a test listens instead. */
  readonly log?: ContentLog;
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

const silentLog: ContentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The kiosk in an ordinary browser: the built renderer, the content folder's pictures, and the
 * same content the main process offers over IPC, kept live the same way (watched, and the last
 * good content kept, here in memory). Changes reach the page as Server-Sent Events. Listens on
 * 127.0.0.1 only: it is a checking tool for the person at this computer, not a network server.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const { contentDir } = options;
  const content = await startLiveContent({
    dir: contentDir,
    load: () => loadContentSafely(contentDir, fs),
    store: createMemoryLastGoodStore(),
    log: options.log ?? silentLog,
  });
  const events = createEventStream();
  const stopListening = content.onChange((state) => events.broadcast(JSON.stringify(state)));
  const watch = options.watch ?? watchWithChokidar;
  const watcher =
    watch === false
      ? undefined
      : watchContent({ dir: contentDir, watch, clock: systemClock, onSettled: () => void content.reload() });

  const log = options.log ?? silentLog;
  const logPageError = createPageErrorLogger(
    {
      error: (message, details) => log.error(`${message} (${details.where}): ${details.message}`),
      warn: (message) => log.warn(message),
    },
    Date.now,
  );

  const server = createServer((request, response) => {
    if (
      request.url !== undefined &&
      new URL(request.url, 'http://127.0.0.1').pathname === PreviewRoute.events
    ) {
      events.connect(response, JSON.stringify(content.getContent()));
      return;
    }
    handle(request, response, options, () => content.getContent(), logPageError).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Something went wrong.');
      else response.destroy();
    });
  });
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      stopListening();
      await watcher?.close();
      events.close();
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open pages keep connections alive (and reconnect their event stream): cut them all.
      server.closeAllConnections();
      await closing;
    },
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: PreviewOptions,
  getContent: () => ContentState,
  logPageError: (report: PageErrorReport) => void,
) {
  const { pathname: path, searchParams } = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (path === PreviewRoute.errors && request.method === 'POST') {
    const report = parsePageErrorReport(await readJsonBody(request, MAX_ERROR_REPORT_BYTES));
    if (report === undefined) {
      send(response, 400, 'text/plain; charset=utf-8', 'Not an error report.');
      return;
    }
    logPageError(report);
    send(response, 204, 'text/plain; charset=utf-8', '');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'Only GET is allowed.');
    return;
  }

  if (path === PreviewRoute.content) {
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(getContent()));
    return;
  }

  const contentPrefix = `/${CONTENT_URL_PREFIX}`;
  if (path.startsWith(contentPrefix)) {
    const picture = await resolvePictureRequest(
      options.contentDir,
      path.slice(contentPrefix.length),
      (file) => fs.realpath(file),
    );
    await sendFile(response, picture?.path, picture?.contentType, {
      'Cache-Control': pictureCaching(searchParams),
    });
    return;
  }
  if (path === '/' || path === '/index.html') {
    const page = await fs.readFile(join(options.rendererDir, 'index.html'), 'utf8');
    send(response, 200, 'text/html; charset=utf-8', withFirstContent(page, getContent()));
    return;
  }
  const file = resolveInside(options.rendererDir, path);
  await sendFile(response, file, file === undefined ? undefined : mimeType(file));
}

async function sendFile(
  response: ServerResponse,
  file: string | undefined,
  type: string | undefined,
  headers: Record<string, string> = {},
) {
  const body = file === undefined ? undefined : await fs.readFile(file).catch(() => undefined);
  if (body === undefined || type === undefined) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    return;
  }
  send(response, 200, type, body, headers);
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, securityHeaders({ 'Content-Type': type, ...headers }));
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/** An error report is two short lines of text; anything bigger is not one. */
const MAX_ERROR_REPORT_BYTES = 8 * 1024;

/** The request's body as JSON, or undefined if it is not JSON or is longer than `limit` bytes. */
async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function listen(server: Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
