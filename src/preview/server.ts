import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WatchSetting } from '../node/content/agent';
import { forkAgent } from '../node/content/agent-fork';
import type { SpawnAgent } from '../node/content/agent-host';
import { createMemoryLastGoodStore } from '../node/content/last-good';
import type { ContentLog } from '../node/content/live';
import { cachedPictureRequest } from '../node/content/picture-route';
import { startContentService } from '../node/content/service';
import type { Env } from '../node/environment';
import type { RepositorySettings } from '../node/kiosk-settings';
import { startRepositoryContent } from '../node/source/repository-content';
import { withFirstContent, withFirstSchedule } from '../node/http/first-content';
import { mimeType } from '../node/http/mime';
import { resolveInside } from '../node/http/safe-path';
import {
  PREVIEW_CONTENT_SECURITY_POLICY,
  securityHeaders,
  WORKBENCH_CONTENT_SECURITY_POLICY,
} from '../node/http/security-headers';
import { openServedFile } from '../node/http/served-file';
import { errnoCode } from '../node/errno';
import { createPageErrorLogger, parsePageErrorReport } from '../node/page-errors';
import { systemSpeechEngine, type SpeechEngine } from '../node/speech/engines';
import {
  cachedSpeechRequest,
  createSpeechService,
  parseSpeechRequest,
  type SpeechService,
} from '../node/speech/service';
import { systemClock } from '../shared/clock';
import type { ContentState, WallTime } from '../shared/content';
import {
  CONTENT_URL_PREFIX,
  PREVIEW_SCHEDULE_EVENT,
  PreviewRoute,
  SPEECH_URL_PREFIX,
  type PageErrorReport,
  type PreviewAbout,
  type ScheduleState,
} from '../shared/ipc';
import { createEventStream } from './event-stream';
import { MAX_MOMENT_REQUEST_BYTES, parseMomentRequest } from './moment-route';
import { PreviewMomentError, startPreviewSchedule, type PreviewSchedule } from './preview-schedule';

export interface PreviewOptions {
  readonly contentDir: string;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  readonly port: number;
  /** Starts the content agent; a forked out/main/content-agent.js unless a test gives its own. */
  readonly spawnAgent?: SpawnAgent;
  /** How the content folder is watched (see watch-mode.ts); 'off' reads it once only. */
  readonly watch?: WatchSetting;
  /** Where content problems are told: the terminal, unless a test listens instead. */
  readonly log?: ContentLog;
  /** Take the content from a repository instead of `contentDir` (see src/node/source). */
  readonly repository?: { readonly settings: RepositorySettings; readonly env: Env };
  /** `--at`: the moment to show, on the kiosk's wall clock; left out, the present. */
  readonly at?: WallTime;
  /** Reads screens aloud (Listen): the computer's own engine unless a test gives another. */
  readonly speechEngine?: SpeechEngine;
}

export interface PreviewServer {
  /** The kiosk page. */
  readonly url: string;
  /** The workbench: the kiosk page at a chosen screen shape, with its problems and the moment shown. */
  readonly workbenchUrl: string;
  close(): Promise<void>;
}

const silentLog: ContentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
/** The workbench page in the built renderer (a second entry of its build). */
const WORKBENCH_FILE = 'workbench.html';

/**
 * The kiosk in an ordinary browser: the built renderer, the content's pictures, and the same
 * content the main process offers over IPC, read and kept live the same way (by a content agent
 * of its own; the last good content kept, here in memory). Changes reach the page as
 * Server-Sent Events. Listens on 127.0.0.1 only, and answers only requests addressed to it by
 * that name (or localhost), so a web page elsewhere cannot read it through its own host name.
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const { contentDir } = options;
  const log = options.log ?? silentLog;
  const cacheDir = await mkdtemp(join(tmpdir(), 'clinic-kiosk-preview-'));
  const spawnAgent = options.spawnAgent ?? forkAgent(join(options.rendererDir, '../main'));
  // Staff open the preview to see their content: the first page should show it.
  const content =
    options.repository === undefined
      ? await startContentService({
          dir: contentDir,
          spawnAgent,
          store: createMemoryLastGoodStore(),
          cacheDir,
          watch: options.watch ?? 'auto',
          clock: systemClock,
          log,
          waitForFirstLoad: true,
        })
      : await startRepositoryContent({
          settings: options.repository.settings,
          folder: join(cacheDir, 'repository'),
          spawnAgent,
          store: createMemoryLastGoodStore(),
          cacheDir: join(cacheDir, 'pictures'),
          clock: systemClock,
          log,
          env: options.repository.env,
          waitForFirstUpdate: true,
        });
  const picturesDir = content.cacheDir ?? cacheDir;
  const events = createEventStream();
  const stopListening = content.onChange((state) => events.broadcast({ data: JSON.stringify(state) }));
  let schedule: PreviewSchedule;
  try {
    schedule = startPreviewSchedule({
      content,
      ...(options.at === undefined ? {} : { at: options.at }),
      onChange: (state) => events.broadcast({ event: PREVIEW_SCHEDULE_EVENT, data: JSON.stringify(state) }),
    });
  } catch (error) {
    stopListening();
    content.close();
    events.close();
    await rm(cacheDir, { recursive: true, force: true });
    throw error;
  }
  const logPageError = createPageErrorLogger(
    {
      error: (message, details) => log.error(`${message} (${details.where}): ${details.message}`),
      warn: (message) => log.warn(message),
    },
    () => systemClock.now(),
  );

  const speechDir = join(cacheDir, 'speech');
  const speech = createSpeechService({
    engine: options.speechEngine ?? systemSpeechEngine(),
    cacheDir: speechDir,
    log,
  });

  let hosts = new Set<string>();
  const server = createServer((request, response) => {
    const url = parseRequestUrl(request);
    if (url === undefined) {
      send(response, 400, TEXT, 'Bad request.');
      return;
    }
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      send(response, 403, TEXT, 'This preview answers only at the address it printed when it started.');
      return;
    }
    if (url.pathname === PreviewRoute.events) {
      events.connect(response, [
        { data: JSON.stringify(content.getContent()) },
        { event: PREVIEW_SCHEDULE_EVENT, data: JSON.stringify(schedule.current()) },
      ]);
      return;
    }
    const context: RequestContext = {
      options,
      cacheDir: picturesDir,
      hosts,
      speechDir,
      speech,
      getContent: () => content.getContent(),
      getSchedule: () => schedule.current(),
      setMoment: (at) => schedule.setAt(at),
      logPageError,
    };
    handle(request, response, url, context).catch((error: unknown) => {
      log.error(`the preview could not answer ${url.pathname}: ${String(error)}`);
      if (!response.headersSent) send(response, 500, TEXT, 'Something went wrong.');
      else response.destroy();
    });
  });
  // A request line the parser cannot read ends that connection with a 400, never the preview.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    workbenchUrl: new URL(PreviewRoute.workbench, url).href,
    async close() {
      stopListening();
      schedule.stop();
      content.close();
      events.close();
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open pages keep connections alive (and reconnect their event stream): cut them all.
      server.closeAllConnections();
      await closing;
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

/** The request's URL, or undefined when it is not one (`GET http://[`): answered with a 400. */
function parseRequestUrl(request: IncomingMessage): URL | undefined {
  try {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Only paths: a request for an absolute URL is a proxy request, which the preview is not.
    return request.url?.startsWith('/') === true ? url : undefined;
  } catch {
    return undefined;
  }
}

interface RequestContext {
  readonly options: PreviewOptions;
  readonly cacheDir: string;
  /** `127.0.0.1:port` and `localhost:port`: the names the preview answers to. */
  readonly hosts: ReadonlySet<string>;
  readonly speechDir: string;
  readonly speech: SpeechService;
  readonly getContent: () => ContentState;
  readonly getSchedule: () => ScheduleState;
  readonly setMoment: PreviewSchedule['setAt'];
  readonly logPageError: (report: PageErrorReport) => void;
}

async function handle(request: IncomingMessage, response: ServerResponse, url: URL, context: RequestContext) {
  const path = url.pathname;
  if (request.method === 'POST' && !isFromOwnPage(request, context.hosts)) {
    send(response, 403, TEXT, 'Only the preview’s own pages may send this.');
    return;
  }
  if (path === PreviewRoute.moment) {
    await answerMoment(request, response, context);
    return;
  }
  if (path === PreviewRoute.errors && request.method === 'POST') {
    const report = parsePageErrorReport(await readJsonBody(request, MAX_ERROR_REPORT_BYTES));
    if (report === undefined) {
      send(response, 400, TEXT, 'Not an error report.');
      return;
    }
    context.logPageError(report);
    send(response, 204, TEXT, '');
    return;
  }
  if (path === PreviewRoute.speech && request.method === 'POST') {
    const speech = parseSpeechRequest(await readJsonBody(request, MAX_SPEECH_REQUEST_BYTES));
    if (speech === undefined) {
      send(response, 400, TEXT, 'Not a speech request.');
      return;
    }
    const reply = await context.speech.speak(speech);
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(reply));
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, TEXT, 'Only GET is allowed.');
    return;
  }
  if (path === PreviewRoute.content) {
    send(response, 200, JSON_TYPE, JSON.stringify(context.getContent()));
    return;
  }
  if (path === PreviewRoute.schedule) {
    send(response, 200, JSON_TYPE, JSON.stringify(context.getSchedule()));
    return;
  }
  if (path === PreviewRoute.about) {
    const about: PreviewAbout = { source: describeSource(context.options) };
    send(response, 200, JSON_TYPE, JSON.stringify(about));
    return;
  }
  if (path === '/' || path === '/index.html') {
    const page = await readFile(join(context.options.rendererDir, 'index.html'), 'utf8');
    const withContent = withFirstContent(page, context.getContent());
    send(response, 200, 'text/html; charset=utf-8', withFirstSchedule(withContent, context.getSchedule()));
    return;
  }
  if (path === PreviewRoute.workbench || path === `/${WORKBENCH_FILE}`) {
    const page = await readFile(join(context.options.rendererDir, WORKBENCH_FILE));
    send(response, 200, 'text/html; charset=utf-8', page, {}, WORKBENCH_CONTENT_SECURITY_POLICY);
    return;
  }
  if (path.startsWith(`/${CONTENT_URL_PREFIX}`)) {
    const picture = cachedPictureRequest(context.cacheDir, `${path.slice(1)}${url.search}`);
    await sendFile(response, picture?.path, picture?.contentType, {
      'Cache-Control': picture?.cacheControl ?? 'no-store',
    });
    return;
  }
  if (path.startsWith(`/${SPEECH_URL_PREFIX}`)) {
    const spoken = cachedSpeechRequest(context.speechDir, path.slice(1));
    await sendFile(response, spoken?.path, spoken?.contentType, {
      'Cache-Control': spoken?.cacheControl ?? 'no-store',
    });
    return;
  }
  await sendRendererFile(response, resolveInside(context.options.rendererDir, path));
}

/** POST /api/moment: show another moment, or the present again; the pages hear of it at once. */
async function answerMoment(request: IncomingMessage, response: ServerResponse, context: RequestContext) {
  if (request.method !== 'POST') {
    send(response, 405, TEXT, 'Only POST is allowed.', { Allow: 'POST' });
    return;
  }
  const moment = parseMomentRequest(await readJsonBody(request, MAX_MOMENT_REQUEST_BYTES));
  if (!moment.ok) {
    send(response, 400, TEXT, moment.message);
    return;
  }
  try {
    send(response, 200, JSON_TYPE, JSON.stringify(context.setMoment(moment.at)));
  } catch (error) {
    if (!(error instanceof PreviewMomentError)) throw error;
    send(response, 400, TEXT, error.message);
  }
}

/**
 * A POST the preview's own pages sent: JSON (which a page elsewhere cannot send here without the
 * browser asking first, and the preview never agrees), and from the preview's own origin when the
 * browser names one. A web page in another tab must not change what the preview shows.
 */
function isFromOwnPage(request: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return false;
  const origin = request.headers.origin;
  return origin === undefined || [...hosts].some((host) => origin.toLowerCase() === `http://${host}`);
}

/** The folder's path, or the repository's address, branch and folder: what the workbench says it shows. */
function describeSource(options: PreviewOptions): string {
  const repository = options.repository?.settings;
  if (repository === undefined) return options.contentDir;
  const folder = repository.path === '' ? '' : `, folder ${repository.path}`;
  return `${repository.address.display} (branch ${repository.branch}${folder})`;
}

/**
 * One of the page's own files. They are small, and read whole: inside the installed app they are
 * in app.asar, which Electron lets the app read whole but not open as a file of the disk.
 */
async function sendRendererFile(response: ServerResponse, path: string | undefined) {
  const type = path === undefined ? undefined : mimeType(path);
  let body: Buffer | undefined;
  try {
    body = path === undefined || type === undefined ? undefined : await readFile(path);
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') throw error;
  }
  if (body === undefined || type === undefined) {
    send(response, 404, TEXT, 'Not found.');
    return;
  }
  send(response, 200, type, body, { 'Content-Length': String(body.length) });
}

async function sendFile(
  response: ServerResponse,
  path: string | undefined,
  type: string | undefined,
  headers: Record<string, string> = {},
) {
  const file = path === undefined || type === undefined ? undefined : await openServedFile(path);
  if (file === undefined || type === undefined) {
    send(response, 404, TEXT, 'Not found.');
    return;
  }
  response.writeHead(
    200,
    securityHeaders(
      { 'Content-Type': type, 'Content-Length': String(file.size), ...headers },
      PREVIEW_CONTENT_SECURITY_POLICY,
    ),
  );
  if (response.req.method === 'HEAD') {
    file.stream.destroy();
    response.end();
    return;
  }
  file.stream.pipe(response);
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  policy: string = PREVIEW_CONTENT_SECURITY_POLICY,
) {
  response.writeHead(status, securityHeaders({ 'Content-Type': type, ...headers }, policy));
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/** An error report is two short lines of text; anything bigger is not one. */
const MAX_ERROR_REPORT_BYTES = 8 * 1024;
/** A screen's text at its longest (SPEECH_LIMITS), in any script, with its JSON around it. */
const MAX_SPEECH_REQUEST_BYTES = 128 * 1024;

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
