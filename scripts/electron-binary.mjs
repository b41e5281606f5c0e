// @ts-check
// Finds the Electron executable the way node_modules/electron/index.js does, without loading that
// file: requiring it starts a download when the binary is missing, with a stack trace on failure.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {'override' | 'exec-path' | 'installed'} ElectronBinarySource */

/**
 * @typedef {{
 *   readonly path: string;
 *   readonly source: ElectronBinarySource;
 *   readonly exists: boolean;
 * }} ElectronBinary
 */

/**
 * Where the executable sits inside an Electron distribution folder, per platform.
 * @param {string} platform
 * @returns {string | undefined}
 */
export function platformExecutable(platform) {
  switch (platform) {
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    default:
      return undefined;
  }
}

/** @param {string} electronDir */
function readPathTxt(electronDir) {
  try {
    const text = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where Electron is, in the order Electron's own package looks: ELECTRON_OVERRIDE_DIST_PATH (a
 * folder), then ELECTRON_EXEC_PATH (the executable, as electron-vite honours it), then the copy
 * installed in node_modules/electron/dist. `exists` tells whether it is actually there.
 * @param {{
 *   readonly env: Readonly<Record<string, string | undefined>>;
 *   readonly electronDir: string;
 *   readonly platform: string;
 * }} options `electronDir` is the folder of the `electron` npm package.
 * @returns {ElectronBinary}
 */
export function findElectronBinary({ env, electronDir, platform }) {
  const executable = readPathTxt(electronDir) ?? platformExecutable(platform) ?? 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  if (override) {
    const path = join(override, executable);
    return { path, source: 'override', exists: isFile(path) };
  }
  const execPath = env.ELECTRON_EXEC_PATH?.trim();
  if (execPath) return { path: execPath, source: 'exec-path', exists: isFile(execPath) };
  const path = join(electronDir, 'dist', executable);
  return { path, source: 'installed', exists: isFile(path) };
}

/**
 * The one line of a failed install worth showing a person: the last error message, without the
 * stack frames under it. Undefined when there is nothing useful to say.
 * @param {string | null | undefined} output
 */
export function summarizeInstallError(output) {
  const lines = (output ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' && !line.startsWith('at ') && !line.startsWith('^') && !/^node:|^file:\/\//.test(line),
    );
  return lines.at(-1);
}
