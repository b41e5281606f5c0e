// @ts-check
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** @import { IncomingMessage, ServerResponse } from 'node:http' */
/** @import { AddressInfo } from 'node:net' */

const run = promisify(execFile);

/**
 * A request the server answered, as the tests look at it.
 * @typedef {{ readonly method: string; readonly path: string; readonly authorization: string | undefined; readonly status: number }} GitRequest
 */

/**
 * @typedef {{
 *   readonly url: (repository: string) => string;
 *   readonly caFile: string;
 *   readonly port: number;
 *   readonly requests: GitRequest[];
 *   close(): Promise<void>;
 * }} GitServer
 */

/**
 * A certificate for 127.0.0.1 and its key, made with openssl in a temporary folder, and the file a
 * client trusts it with (the certificate itself: it signs itself).
 * @param {string} folder
 */
export async function makeCertificate(folder) {
  const key = join(folder, 'server-key.pem');
  const cert = join(folder, 'server-cert.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { key: await readFile(key), cert: await readFile(cert), caFile: cert };
}

/**
 * A git server on 127.0.0.1 for the tests and the benchmark: git's own `git http-backend` (smart
 * HTTP) behind a small HTTPS server with a certificate of its own, serving the bare repositories
 * in `root`. With `token`, every request must carry it by HTTP basic authentication (any user
 * name unless `username` is given), as a hosting service asks for a token.
 * @param {{ root: string; token?: string; username?: string; port?: number }} options
 * @returns {Promise<GitServer>}
 */
export async function startGitServer(options) {
  const certFolder = await mkdtemp(join(tmpdir(), 'kiosk-git-server-'));
  const { key, cert, caFile } = await makeCertificate(certFolder);
  /** @type {GitRequest[]} */
  const requests = [];

  const server = createServer({ key, cert }, (request, response) => {
    const authorization = request.headers.authorization;
    const record = (/** @type {number} */ status) =>
      requests.push({ method: request.method ?? '', path: request.url ?? '', authorization, status });
    if (options.token !== undefined && !authorized(authorization, options.token, options.username)) {
      record(401);
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' });
      response.end('Authentication required.\n');
      return;
    }
    serveGit(options.root, request, response, record);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {AddressInfo} */ (server.address());
  return {
    url: (repository) => `https://127.0.0.1:${port}/${repository}`,
    caFile,
    port,
    requests,
    async close() {
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
      server.closeAllConnections();
      await closed;
      await rm(certFolder, { recursive: true, force: true });
    },
  };
}

/**
 * @param {string | undefined} header
 * @param {string} token
 * @param {string | undefined} username
 */
function authorized(header, token, username) {
  if (!header?.startsWith('Basic ')) return false;
  const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
  return rest.join(':') === token && user !== '' && (username === undefined || user === username);
}

/**
 * Runs git http-backend as a CGI program for one request.
 * @param {string} root
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {(status: number) => void} record
 */
function serveGit(root, request, response, record) {
  const url = new URL(request.url ?? '/', 'https://127.0.0.1');
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REQUEST_METHOD: request.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: request.headers['content-type'] ?? '',
    REMOTE_ADDR: '127.0.0.1',
    REMOTE_USER: 'kiosk',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
  };
  const length = request.headers['content-length'];
  if (length !== undefined) env.CONTENT_LENGTH = length;
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined) env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = request.headers['git-protocol'];
  if (typeof protocol === 'string') env.HTTP_GIT_PROTOCOL = protocol;

  const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  request.pipe(cgi.stdin);
  let head = Buffer.alloc(0);
  let headersDone = false;
  cgi.stdout.on('data', (/** @type {Buffer} */ chunk) => {
    if (headersDone) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end === -1) return;
    headersDone = true;
    let status = 200;
    /** @type {Record<string, string>} */
    const headers = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    record(status);
    response.writeHead(status, headers);
    response.write(head.subarray(end + 4));
  });
  cgi.once('close', () => {
    if (!headersDone) {
      record(500);
      response.writeHead(500);
    }
    response.end();
  });
  cgi.once('error', () => {
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
}
