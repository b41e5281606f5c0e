import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { findFlagValue } from './argv';
import { ENV, type Env } from './environment';

/**
 * Where the kiosk keeps what belongs to this one machine: the staff PIN, the logs, the staff's
 * content and the software-rendering flag. Pure and free of Electron, so that `npm run set-pin`
 * finds the same folder as the app without starting it.
 */

/** The folder name under the platform's application-data folder; fixed, whatever the product is called. */
export const APP_NAME = 'clinic-kiosk';
export const USER_DATA_FLAG = '--user-data';
export const USER_DATA_ENV = ENV.userDataDir;

export const LOGS_FOLDER = 'logs';
export const STAFF_CONTENT_FOLDER = 'content';

/** Electron's `app.getPath('appData')`, worked out the way Electron does it. */
export function defaultAppDataDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') {
    const appData = env[ENV.appData]?.trim();
    if (appData) return appData;
    return join(home, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = env[ENV.xdgConfigHome]?.trim();
  // The XDG spec ignores relative paths here, and so does Chromium.
  return xdg && isAbsolute(xdg) ? xdg : join(home, '.config');
}

export interface UserDataChoice {
  readonly dir: string;
  readonly source: 'argument' | 'environment' | 'default';
  readonly warnings: readonly string[];
}

/** `--user-data DIR`, else `KIOSK_USER_DATA_DIR`, else `<appData>/clinic-kiosk`. */
export function chooseUserDataDir(
  argv: readonly string[],
  env: Env,
  cwd: string,
  appData: string,
): UserDataChoice {
  const warnings: string[] = [];
  const fromArgs = findFlagValue(argv, USER_DATA_FLAG, warnings);
  if (fromArgs !== undefined) return { dir: resolve(cwd, fromArgs), source: 'argument', warnings };
  const fromEnv = env[USER_DATA_ENV]?.trim();
  if (fromEnv) return { dir: resolve(cwd, fromEnv), source: 'environment', warnings };
  return { dir: join(appData, APP_NAME), source: 'default', warnings };
}

/** Where a command-line tool finds the kiosk's data: as the kiosk does, from its arguments and environment. */
export interface ToolSurroundings {
  readonly env: Env;
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  readonly home?: string;
}

/** The user-data folder a command-line tool (set-pin, report) works on, the same one the kiosk uses. */
export function toolUserDataDir(args: readonly string[], io: ToolSurroundings): string {
  return chooseUserDataDir(args, io.env, io.cwd, defaultAppDataDir(io.platform, io.env, io.home ?? homedir()))
    .dir;
}
