// @ts-check
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { preview } from 'vite';

/**
 * The kiosk's own browser preview (`main/preview.js` of a build, i.e. `out/`), as a child process
 * on a free port. It prints "Open http://127.0.0.1:PORT/ in a browser": that line gives the address.
 * @param {string} buildDir
 * @param {string} contentDir
 */
export function startPreview(buildDir, contentDir) {
  const child = spawn(
    process.execPath,
    [join(buildDir, 'main/preview.js'), '--content', contentDir, '--port', '0'],
    {
      cwd: buildDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  /** @type {Promise<string>} */
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The preview did not start:\n${output}`)), 20_000);
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += String(chunk);
      const address = /Open (http:\/\/\S+)/.exec(output)?.[1];
      if (address !== undefined) {
        clearTimeout(timer);
        resolve(address);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The preview exited (${code}):\n${output}`));
    });
  });
  /** @returns {Promise<void>} */
  const close = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return url.then((address) => ({ url: address, pid: child.pid, close }));
}

/**
 * Serves a folder of static files (the baseline page) with Vite's own preview server, on a free
 * port of 127.0.0.1.
 * @param {string} dir
 */
export async function startStaticServer(dir) {
  const server = await preview({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: '.' },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) {
    await server.close();
    throw new Error(`The static server for ${dir} has no local address`);
  }
  return { url, close: () => server.close() };
}
