import fs from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadContent } from '../shared/content/load';
import { CONTENT_URL_PREFIX, PreviewRoute } from '../shared/ipc';
import { CONTENT_SECURITY_POLICY, mimeType } from '../shared/mime';
import { resolveInside } from '../shared/safe-path';

export interface PreviewOptions {
  readonly contentDir: string;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  readonly port: number;
}

export interface PreviewServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The kiosk in an ordinary browser: the built renderer, the content folder's pictures, and the
 * same content API the main process offers over IPC. Listens on 127.0.0.1 only: it is a checking
 * tool for the person at this computer, not a server for the network.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    handle(request, response, options).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Something went wrong.');
      else response.destroy();
    });
  });
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: PreviewOptions) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'Only GET is allowed.');
    return;
  }
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;

  if (path === PreviewRoute.content) {
    const state = await loadContent(options.contentDir, fs);
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(state), {
      'Cache-Control': 'no-store',
    });
    return;
  }

  const contentPrefix = `/${CONTENT_URL_PREFIX}`;
  const file = path.startsWith(contentPrefix)
    ? resolveInside(options.contentDir, path.slice(contentPrefix.length))
    : resolveInside(options.rendererDir, path === '/' ? 'index.html' : path);
  await sendFile(response, file);
}

async function sendFile(response: ServerResponse, file: string | undefined) {
  const body = file === undefined ? undefined : await fs.readFile(file).catch(() => undefined);
  if (file === undefined || body === undefined) {
    send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    return;
  }
  send(response, 200, mimeType(file), body);
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
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
