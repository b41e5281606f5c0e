import { open } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from '../shared/content';
import { OPEN_WITHOUT_WAITING } from './content/file-system';
import { validate } from './content/validate';
import { parseLocatedYaml } from './content/yaml-source';
import { errnoCode } from './errno';
import {
  checkBranch,
  checkRepositoryAddress,
  checkRepositoryPath,
  type Checked,
  type RepositoryAddress,
} from './git/repository-address';

/**
 * The installed kiosk's own settings, in `kiosk-settings.yaml` in its user-data folder: its name,
 * where its content comes from (a repository) and where it reports its health. Written by the
 * installer, not by staff; read with the same care as content (size, encoding, YAML depth and
 * aliases, a located error for each mistake). Secrets are never in it: it names the files that
 * hold them.
 */

export const SETTINGS_FILE = 'kiosk-settings.yaml';

/** A few lines; far more than any real settings file. */
const MAX_SETTINGS_BYTES = 64 * 1024;

export const DEFAULT_UPDATE_MINUTES = 5;
export const DEFAULT_HEARTBEAT_MINUTES = 5;
export const DEFAULT_BRANCH = 'main';

/** Where the content comes from, and how the kiosk may read it. Paths are absolute. */
export interface RepositorySettings {
  readonly address: RepositoryAddress;
  readonly branch: string;
  /** The folder of the repository holding kiosk.yaml; '' for its top. */
  readonly path: string;
  readonly updateMs: number;
  readonly username?: string;
  readonly tokenFile?: string;
  readonly sshKeyFile?: string;
  readonly knownHostsFile?: string;
  readonly allowedSignersFile?: string;
  readonly caFile?: string;
  readonly gitProgram?: string;
}

export interface HealthSettings {
  readonly heartbeatUrl?: string;
  readonly heartbeatMs: number;
  readonly prometheusFile?: string;
  readonly caFile?: string;
}

export interface KioskSettingsFile {
  readonly name?: string;
  /** The clinic's own certificate authority, for HTTPS to its servers. */
  readonly caFile?: string;
  readonly repository?: RepositorySettings;
  readonly health?: HealthSettings;
}

export interface SettingsRead {
  /** Undefined when the file has errors: a settings file with a mistake is not used at all. */
  readonly settings?: KioskSettingsFile;
  readonly problems: readonly ContentProblem[];
  /** False when there is no settings file, which is no mistake. */
  readonly found: boolean;
}

const minutes = (min: number, max: number) =>
  z
    .number({ error: `must be a number of minutes from ${min} to ${max}` })
    .min(min, { error: `must be at least ${min} minutes` })
    .max(max, { error: `must be at most ${max} minutes` });

const filePath = z
  .string({ error: 'must be the path of a file, such as /etc/clinic-kiosk/content-token' })
  .trim()
  .min(1, { error: 'is empty: write the path of the file, or remove the line' });

const text = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'is empty: write it after the colon, or remove the line' });

/** A value checked by one of repository-address.ts's checks: its message at the value, or what it gives. */
function checkedBy<T>(check: (value: string) => Checked<T>) {
  return (value: string, context: z.RefinementCtx): T => {
    const result = check(value);
    if (result.ok) return result.value;
    context.addIssue({ code: 'custom', message: `is wrong: ${result.message}` });
    return z.NEVER;
  };
}

const contentSection = z.strictObject({
  source: text.transform(checkedBy(checkRepositoryAddress)),
  branch: text.default(DEFAULT_BRANCH).transform(checkedBy(checkBranch)),
  path: z
    .string({ error: 'must be a folder of the repository, such as sites/north' })
    .default('')
    .transform(checkedBy(checkRepositoryPath)),
  update_minutes: minutes(0.05, 1440).default(DEFAULT_UPDATE_MINUTES),
  username: text.optional(),
  token_file: filePath.optional(),
  ssh_key_file: filePath.optional(),
  known_hosts_file: filePath.optional(),
  allowed_signers_file: filePath.optional(),
  git: filePath.optional(),
});

const healthSection = z.strictObject({
  heartbeat_url: text
    .superRefine((value, context) => {
      if (!/^https?:\/\/[^\s/]+/i.test(value)) {
        context.addIssue({
          code: 'custom',
          message: 'must be the https:// (or http://) address the monitoring service gives for this kiosk',
        });
      }
    })
    .optional(),
  heartbeat_minutes: minutes(0.05, 60).default(DEFAULT_HEARTBEAT_MINUTES),
  prometheus_file: filePath
    .refine((path) => path.endsWith('.prom'), {
      error: 'must end with .prom: node_exporter reads only files named that way',
    })
    .optional(),
});

const settingsSchema = z.strictObject({
  name: text.max(100, { error: 'is too long: keep it under 100 characters' }).optional(),
  ca_file: filePath.optional(),
  content: contentSection.optional(),
  health: healthSection.optional(),
});

const SETTINGS_KIND = { owner: 'the kiosk settings', settings: 'kiosk-settings' };

/**
 * Parses the settings file's text. Relative paths in it are read from `folder` (the folder the
 * file is in), so a token file may sit beside it.
 */
export function parseKioskSettings(source: string, file: string, folder: string): SettingsRead {
  const problems: ContentProblem[] = [];
  const parsed = parseLocatedYaml(source, file);
  if (!parsed.ok) return { problems: parsed.problems, found: true };
  const valid = validate(settingsSchema, parsed.yaml, file, SETTINGS_KIND, problems);
  if (valid === undefined) return { problems, found: true };
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(folder, value));
  const caFile = path(valid.ca_file);
  const content = valid.content;
  const repository: RepositorySettings | undefined =
    content === undefined
      ? undefined
      : compact({
          address: content.source,
          branch: content.branch,
          path: content.path,
          updateMs: content.update_minutes * 60_000,
          username: content.username,
          tokenFile: path(content.token_file),
          sshKeyFile: path(content.ssh_key_file),
          knownHostsFile: path(content.known_hosts_file),
          allowedSignersFile: path(content.allowed_signers_file),
          caFile,
          // A name alone is looked for on the PATH, as git itself is.
          gitProgram:
            content.git === undefined || !/[\\/]/.test(content.git) ? content.git : path(content.git),
        });
  const health: HealthSettings | undefined =
    valid.health === undefined
      ? undefined
      : compact({
          heartbeatUrl: valid.health.heartbeat_url,
          heartbeatMs: valid.health.heartbeat_minutes * 60_000,
          prometheusFile: path(valid.health.prometheus_file),
          caFile,
        });
  return {
    settings: compact({ name: valid.name, caFile, repository, health }),
    problems,
    found: true,
  };
}

/** The object without its undefined properties (the settings are read-only objects with optional keys). */
function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** Reads the settings file at `path`: missing is no mistake; anything else wrong is a located problem. */
export async function readKioskSettings(path: string): Promise<SettingsRead> {
  const file = basename(path);
  const problem = (message: string): SettingsRead => ({
    problems: [{ severity: 'error', file, message }],
    found: true,
  });
  let handle;
  try {
    handle = await open(path, OPEN_WITHOUT_WAITING);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { problems: [], found: false };
    return problem(
      `cannot be read (${errnoCode(error) ?? 'unknown error'}): check that the kiosk's user may read it`,
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return problem('is not an ordinary file');
    if (stat.size > MAX_SETTINGS_BYTES)
      return problem('is far too big to be a settings file: check that it is the right file');
    const bytes = Buffer.alloc(Math.min(stat.size, MAX_SETTINGS_BYTES) + 1);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    if (bytesRead > MAX_SETTINGS_BYTES) return problem('is far too big to be a settings file');
    let source: string;
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytesRead));
    } catch {
      return problem('is not saved as plain UTF-8 text');
    }
    return parseKioskSettings(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), file, dirname(path));
  } finally {
    await handle.close();
  }
}
