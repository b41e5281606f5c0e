/**
 * Every environment variable the kiosk and its tools read, in one place. Only
 * {@link processEnvironment} looks at `process.env`; everything else is given an {@link Env}, so
 * tests pass their own.
 */
export const ENV = {
  /** The content folder, when `--content` is not given. */
  contentDir: 'KIOSK_CONTENT_DIR',
  /** The kiosk's own data folder (PIN, logs, last good content), when `--user-data` is not given. */
  userDataDir: 'KIOSK_USER_DATA_DIR',
  /** How the content folder is watched: auto, events or poll (when `--content-watch` is not given). */
  contentWatch: 'KIOSK_CONTENT_WATCH',
  /** The HTTPS token for the content repository, when the settings name no token file. */
  sourceToken: 'KIOSK_SOURCE_TOKEN',
  /** The page's memory ceiling in MB, or `off`. */
  memoryLimitMb: 'KIOSK_MEMORY_LIMIT_MB',
  /** The nightly reload's time, HH:MM, or `off`. */
  nightlyReload: 'KIOSK_NIGHTLY_RELOAD',
  /** Set by npm: the folder the person ran `npm run ...` from. */
  invokedFrom: 'INIT_CWD',
  /** Windows: where applications keep their data. */
  appData: 'APPDATA',
  /** Linux: where applications keep their settings, if not ~/.config. */
  xdgConfigHome: 'XDG_CONFIG_HOME',
} as const;

export type Env = Readonly<Record<string, string | undefined>>;

/** The environment this process was started with. */
export function processEnvironment(): Env {
  return process.env;
}
