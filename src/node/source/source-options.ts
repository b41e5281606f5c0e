import { resolve } from 'node:path';
import { formatProblem } from '../../shared/content';
import { checkBranch, checkRepositoryAddress, checkRepositoryPath } from '../git/repository-address';
import {
  DEFAULT_BRANCH,
  DEFAULT_UPDATE_MINUTES,
  readKioskSettings,
  type KioskSettingsFile,
  type RepositorySettings,
} from '../kiosk-settings';

/** `--source URL --branch NAME --path FOLDER --settings FILE`, as the kiosk, the preview and content:check take them. */
export interface SourceFlags {
  readonly source?: string;
  readonly branch?: string;
  readonly path?: string;
  /** The settings file; for the kiosk, the one in its user-data folder unless given. */
  readonly settingsFile?: string;
}

export const SOURCE_FLAGS = {
  source: '--source',
  branch: '--branch',
  path: '--path',
  settings: '--settings',
} as const;

/** The flags as node:util's parseArgs gives them, without the ones not given. */
export function sourceFlagsOf(values: {
  readonly source?: string | undefined;
  readonly branch?: string | undefined;
  readonly path?: string | undefined;
  readonly settings?: string | undefined;
}): SourceFlags {
  return {
    ...(values.source === undefined ? {} : { source: values.source }),
    ...(values.branch === undefined ? {} : { branch: values.branch }),
    ...(values.path === undefined ? {} : { path: values.path }),
    ...(values.settings === undefined ? {} : { settingsFile: values.settings }),
  };
}

export interface SourceChoice {
  /** The repository to take the content from; undefined for a content folder. */
  readonly repository?: RepositorySettings;
  readonly settings?: KioskSettingsFile;
  /** What is wrong, one line each (located in the settings file where it is from there). */
  readonly problems: readonly string[];
}

/**
 * Where the content comes from: `--source` (with `--branch` and `--path`) on the command line,
 * else `content:` in the settings file. The settings file's other content settings (token file,
 * deploy key, signers, update interval) apply to `--source` too.
 */
export async function chooseSource(flags: SourceFlags, cwd: string): Promise<SourceChoice> {
  const read =
    flags.settingsFile === undefined
      ? { problems: [], found: false }
      : await readKioskSettings(resolve(cwd, flags.settingsFile));
  if (read.problems.length > 0) return { problems: read.problems.map(formatProblem) };
  const settings = 'settings' in read ? read.settings : undefined;
  const fromFile = settings?.repository;
  const problems: string[] = [];

  const address = flags.source === undefined ? undefined : checkRepositoryAddress(flags.source);
  if (address !== undefined && !address.ok) problems.push(`${SOURCE_FLAGS.source}: ${address.message}`);
  const branch = flags.branch === undefined ? undefined : checkBranch(flags.branch);
  if (branch !== undefined && !branch.ok) problems.push(`${SOURCE_FLAGS.branch}: ${branch.message}`);
  const path = flags.path === undefined ? undefined : checkRepositoryPath(flags.path);
  if (path !== undefined && !path.ok) problems.push(`${SOURCE_FLAGS.path}: ${path.message}`);
  if (
    address === undefined &&
    fromFile === undefined &&
    (flags.branch !== undefined || flags.path !== undefined)
  ) {
    problems.push(
      `${SOURCE_FLAGS.branch} and ${SOURCE_FLAGS.path} choose a branch and a folder of a repository: give the repository with ${SOURCE_FLAGS.source}`,
    );
  }
  if (problems.length > 0) return { problems, ...(settings === undefined ? {} : { settings }) };

  const base: RepositorySettings | undefined =
    address?.ok === true
      ? {
          ...fromFile,
          address: address.value,
          branch: fromFile?.branch ?? DEFAULT_BRANCH,
          path: fromFile?.path ?? '',
          updateMs: fromFile?.updateMs ?? DEFAULT_UPDATE_MINUTES * 60_000,
          ...(settings?.caFile === undefined ? {} : { caFile: settings.caFile }),
        }
      : fromFile;
  const repository =
    base === undefined
      ? undefined
      : {
          ...base,
          ...(branch?.ok === true ? { branch: branch.value } : {}),
          ...(path?.ok === true ? { path: path.value } : {}),
        };
  return {
    ...(repository === undefined ? {} : { repository }),
    ...(settings === undefined ? {} : { settings }),
    problems: [],
  };
}
