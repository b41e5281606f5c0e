// Finds the Electron executable the way node_modules/electron/index.js does, without loading that
// file: requiring it starts a download when the binary is missing, with a stack trace on failure.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the executable sits inside an Electron distribution folder, per platform. */
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

function readPathTxt(electronDir) {
  try {
    const text = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

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
 */
export function summarizeInstallError(output) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' && !line.startsWith('at ') && !line.startsWith('^') && !/^node:|^file:\/\//.test(line),
    );
  return lines.at(-1);
}
