import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app } from 'electron';
import { findFlagValue } from '../node/argv';
import { isWatchMode, type WatchMode } from '../node/content/watch-mode';
import { ENV, processEnvironment, type Env } from '../node/environment';
import { describeError, log } from './log';
import { chooseUserDataDir, STAFF_CONTENT_FOLDER, type UserDataChoice } from '../node/paths';

export const CONTENT_FLAG = '--content';
export const CONTENT_ENV = ENV.contentDir;

export type ContentDirSource = 'argument' | 'environment' | 'staff' | 'bundled';

export const WATCH_FLAG = '--content-watch';

export interface StartupOptions {
  /** Absolute path of the content folder to show. */
  readonly contentDir: string;
  readonly contentDirSource: ContentDirSource;
  /** How the content folder is watched: `auto` polls a network share (see watch-mode.ts). */
  readonly watch: WatchMode;
  /** Mistakes in how the app was started; reported, never fatal. */
  readonly warnings: readonly string[];
}

export interface StartupDefaults {
  /** What relative paths are resolved against. */
  readonly cwd: string;
  /** The content folder shipped with the app. */
  readonly bundledContentDir: string;
  /**
   * The folder staff edit, outside the app so that an update never overwrites it (set when
   * packaged). Without it, the bundled folder is shown directly, as in development.
   */
  readonly staffContentDir?: string;
}

/**
 * Where the content comes from: `--content DIR` (or `--content=DIR`), else `KIOSK_CONTENT_DIR`,
 * else the staff's folder when there is one, else the bundled folder. Pure, so every way of
 * starting the app can be tested without Electron.
 */
export function parseOptions(argv: readonly string[], env: Env, defaults: StartupDefaults): StartupOptions {
  const warnings: string[] = [];
  const watch = watchModeOf(argv, env, warnings);
  const fromArgs = findFlagValue(argv, CONTENT_FLAG, warnings);
  if (fromArgs !== undefined) {
    return { contentDir: resolve(defaults.cwd, fromArgs), contentDirSource: 'argument', watch, warnings };
  }
  const fromEnv = env[CONTENT_ENV]?.trim();
  if (fromEnv) {
    return { contentDir: resolve(defaults.cwd, fromEnv), contentDirSource: 'environment', watch, warnings };
  }
  if (defaults.staffContentDir !== undefined) {
    return {
      contentDir: resolve(defaults.cwd, defaults.staffContentDir),
      contentDirSource: 'staff',
      watch,
      warnings,
    };
  }
  return {
    contentDir: resolve(defaults.cwd, defaults.bundledContentDir),
    contentDirSource: 'bundled',
    watch,
    warnings,
  };
}

/** `--content-watch auto|events|poll`, else `KIOSK_CONTENT_WATCH`, else auto. */
function watchModeOf(argv: readonly string[], env: Env, warnings: string[]): WatchMode {
  const given = findFlagValue(argv, WATCH_FLAG, warnings) ?? env[ENV.contentWatch]?.trim();
  if (given === undefined || given === '') return 'auto';
  const mode = given.toLowerCase();
  if (isWatchMode(mode)) return mode;
  warnings.push(
    `${WATCH_FLAG} (or ${ENV.contentWatch}) must be auto, events or poll, not "${given}": using auto`,
  );
  return 'auto';
}

/** The content folder shipped with the app: beside the sources in development, in resources when packaged. */
export function bundledContentDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'content') : join(app.getAppPath(), 'content');
}

/**
 * Gives the staff's content folder its first content: a copy of the bundled folder, made only
 * when the folder does not exist yet, so staff edits are never overwritten. Copied beside it and
 * renamed into place, so a power cut mid-copy cannot leave a half folder that looks finished.
 */
export function seedStaffContent(target: string, bundled: string): 'present' | 'copied' {
  if (existsSync(target)) return 'present';
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(bundled, partial, { recursive: true });
  renameSync(partial, target);
  return 'copied';
}

/**
 * Must run before anything reads the user-data folder (the single-instance lock does): the folder
 * is fixed by name, not by product name, so the app and `npm run set-pin` always agree on it.
 */
export function setupUserData(): UserDataChoice {
  const choice = chooseUserDataDir(
    process.argv.slice(1),
    processEnvironment(),
    process.cwd(),
    app.getPath('appData'),
  );
  app.setPath('userData', choice.dir);
  return choice;
}

export function setupOptions(): StartupOptions {
  const bundled = bundledContentDir();
  const options = parseOptions(process.argv.slice(1), processEnvironment(), {
    cwd: process.cwd(),
    bundledContentDir: bundled,
    ...(app.isPackaged ? { staffContentDir: join(app.getPath('userData'), STAFF_CONTENT_FOLDER) } : {}),
  });
  for (const warning of options.warnings) log.warn(warning);
  if (options.contentDirSource === 'staff') {
    try {
      if (seedStaffContent(options.contentDir, bundled) === 'copied')
        log.info('first start: copied the bundled content to the staff content folder', {
          folder: options.contentDir,
        });
    } catch (error) {
      // Showing the bundled slides beats showing nothing.
      log.error('could not create the staff content folder; showing the bundled content', {
        folder: options.contentDir,
        error: describeError(error),
      });
      return { ...options, contentDir: bundled, contentDirSource: 'bundled' };
    }
  }
  log.info('content folder chosen', { source: options.contentDirSource, folder: options.contentDir });
  return options;
}
