import { join, resolve } from 'node:path';
import { app } from 'electron';
import { log } from './log';

export const CONTENT_FLAG = '--content';
export const CONTENT_ENV = 'KIOSK_CONTENT_DIR';

export type ContentDirSource = 'argument' | 'environment' | 'bundled';

export interface StartupOptions {
  /** Absolute path of the content folder to show. */
  readonly contentDir: string;
  readonly contentDirSource: ContentDirSource;
  /** Mistakes in how the app was started; reported, never fatal. */
  readonly warnings: readonly string[];
}

export interface StartupDefaults {
  /** What relative paths are resolved against. */
  readonly cwd: string;
  /** The content folder shipped with the app. */
  readonly bundledContentDir: string;
}

/**
 * Where the content comes from: `--content DIR` (or `--content=DIR`), else `KIOSK_CONTENT_DIR`,
 * else the bundled folder. Pure, so every way of starting the app can be tested without Electron.
 */
export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: StartupDefaults,
): StartupOptions {
  const warnings: string[] = [];
  const fromArgs = findContentArgument(argv, warnings);
  if (fromArgs !== undefined) {
    return { contentDir: resolve(defaults.cwd, fromArgs), contentDirSource: 'argument', warnings };
  }
  const fromEnv = env[CONTENT_ENV]?.trim();
  if (fromEnv) {
    return { contentDir: resolve(defaults.cwd, fromEnv), contentDirSource: 'environment', warnings };
  }
  return {
    contentDir: resolve(defaults.cwd, defaults.bundledContentDir),
    contentDirSource: 'bundled',
    warnings,
  };
}

function findContentArgument(argv: readonly string[], warnings: string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    let value: string | undefined;
    if (arg === CONTENT_FLAG) {
      value = argv[index + 1];
      // A following switch means the folder was forgotten, not that it is called "--something".
      if (value === undefined || value.startsWith('--')) value = undefined;
      else index += 1;
    } else if (arg.startsWith(`${CONTENT_FLAG}=`)) {
      value = arg.slice(CONTENT_FLAG.length + 1);
    } else {
      continue;
    }
    if (value === undefined || value.trim() === '') {
      warnings.push(`${CONTENT_FLAG} was given without a folder, so it was ignored`);
      continue;
    }
    // The last one wins, as with most command-line tools.
    found = value;
  }
  return found;
}

/** The content folder shipped with the app: beside the sources in development, in resources when packaged. */
export function bundledContentDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'content') : join(app.getAppPath(), 'content');
}

export function setupOptions(): StartupOptions {
  const options = parseOptions(process.argv.slice(1), process.env, {
    cwd: process.cwd(),
    bundledContentDir: bundledContentDir(),
  });
  for (const warning of options.warnings) log.warn(warning);
  log.info('content folder chosen', { source: options.contentDirSource, folder: options.contentDir });
  return options;
}
