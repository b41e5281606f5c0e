// @ts-check
// `npm start`: makes sure the Electron runtime is there, builds the app, and runs it, passing on
// any arguments (`npm start -- --content DIR`). Every failure ends in a short message a clinic's
// IT person can act on, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, summarizeInstallError } from './electron-binary.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));

const NO_RUNTIME = [
  'Clinic Kiosk could not start: the Electron runtime is not installed and could not be downloaded (no internet connection?).',
  'To check content without it, run: npm run preview',
  'To use an Electron binary already on this computer, set ELECTRON_OVERRIDE_DIST_PATH to its folder.',
].join('\n');

class StartError extends Error {}

/**
 * Resolving, never loading: electron's index.js would try to download the binary.
 * @param {string} specifier
 */
function resolvedDir(specifier) {
  const name = specifier.split('/')[0];
  try {
    return dirname(require.resolve(specifier));
  } catch {
    throw new StartError(`Clinic Kiosk could not start: ${name} is not installed. Run: npm install`);
  }
}

function ensureElectron() {
  const electronDir = resolvedDir('electron/package.json');
  const find = () => findElectronBinary({ env: process.env, electronDir, platform: process.platform });
  const found = find();
  if (found.exists) return found.path;
  if (found.source !== 'installed') {
    const variable = found.source === 'override' ? 'ELECTRON_OVERRIDE_DIST_PATH' : 'ELECTRON_EXEC_PATH';
    throw new StartError(
      `Clinic Kiosk could not start: ${variable} is set, but there is no Electron at ${found.path}`,
    );
  }

  console.log('Fetching the Electron runtime (first start only; this can take a few minutes)...');
  // The installer prints a stack trace when it fails: capture its output and keep one line of it.
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
    // A stalled connection must end in the message below, not in a terminal that waits forever.
    timeout: 15 * 60 * 1000,
  });
  const installed = find();
  if (install.status === 0 && installed.exists) return installed.path;
  const reason = summarizeInstallError(install.error?.message ?? install.stderr);
  throw new StartError(reason ? `${NO_RUNTIME}\n(details: ${reason})` : NO_RUNTIME);
}

function build() {
  const cli = join(resolvedDir('electron-vite'), '..', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new StartError('Clinic Kiosk could not start: building the app failed (see the messages above).');
}

/** @param {string} binary */
function run(binary) {
  const env = { ...process.env };
  // Set in some shells by other Electron tools; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // The app folder is passed absolute so that the kiosk runs in the folder npm was started from
  // (INIT_CWD): `npm start -- --content ./slides` then means ./slides where the person typed it.
  const child = spawn(binary, [root, ...process.argv.slice(2)], {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env,
    stdio: 'inherit',
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Clinic Kiosk could not start: Electron at ${binary} could not be run (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

try {
  const binary = ensureElectron();
  build();
  run(binary);
} catch (error) {
  console.error(
    error instanceof StartError
      ? error.message
      : `Clinic Kiosk could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
