import { join } from 'node:path';
import { findFlagValue } from '../node/argv';
import { SETTINGS_FILE, type KioskSettingsFile, type RepositorySettings } from '../node/kiosk-settings';
import { chooseSource, SOURCE_FLAGS, type SourceFlags } from '../node/source/source-options';
import { log } from './log';
import type { StartupOptions } from './options';

export interface KioskSetup {
  /** The repository to take the content from; undefined shows `options.contentDir`. */
  readonly repository?: RepositorySettings;
  readonly settings?: KioskSettingsFile;
}

/** `--source`, `--branch`, `--path` and `--settings` from the kiosk's command line. */
export function sourceFlagsFromArgv(
  argv: readonly string[],
  userDataDir: string,
  warnings: string[],
): SourceFlags {
  const value = (flag: string) => findFlagValue(argv, flag, warnings);
  const source = value(SOURCE_FLAGS.source);
  const branch = value(SOURCE_FLAGS.branch);
  const path = value(SOURCE_FLAGS.path);
  return {
    ...(source === undefined ? {} : { source }),
    ...(branch === undefined ? {} : { branch }),
    ...(path === undefined ? {} : { path }),
    settingsFile: value(SOURCE_FLAGS.settings) ?? join(userDataDir, SETTINGS_FILE),
  };
}

/**
 * The installed kiosk's settings file (kiosk-settings.yaml in its user-data folder) and the
 * source options. A settings file with a mistake is not used at all, and each mistake is logged
 * where it is; `--content` on the command line beats the settings file's repository.
 */
export async function setupKioskSettings(
  argv: readonly string[],
  userDataDir: string,
  options: StartupOptions,
  cwd: string = process.cwd(),
): Promise<KioskSetup> {
  const warnings: string[] = [];
  const flags = sourceFlagsFromArgv(argv, userDataDir, warnings);
  for (const warning of warnings) log.warn(warning);
  const choice = await chooseSource(flags, cwd);
  for (const problem of choice.problems) log.error(`kiosk settings: ${problem}`);
  if (choice.problems.length > 0) {
    log.error('the kiosk settings have mistakes, so they are not used until they are fixed (see above)');
  }
  const settings = choice.settings;
  if (choice.repository === undefined) return settings === undefined ? {} : { settings };
  if (flags.source === undefined && options.contentDirSource === 'argument') {
    log.info('--content was given: the content repository in the kiosk settings is not used');
    return settings === undefined ? {} : { settings };
  }
  const { address, branch, path } = choice.repository;
  log.info('content repository chosen', {
    repository: address.display,
    branch,
    folder: path === '' ? '/' : path,
  });
  return { repository: choice.repository, ...(settings === undefined ? {} : { settings }) };
}
