import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RevisionSummary } from '../../shared/content-source';
import type { Env } from '../environment';
import { explainGitFailure } from '../git/git-errors';
import { gitEnvironment, type GitAccess, type GitPlaces } from '../git/git-environment';
import { GitError, runGit } from '../git/run-git';
import type { RepositorySettings } from '../kiosk-settings';
import { RepositoryError } from './repository-error';
import { readToken } from './token';

export { RepositoryError } from './repository-error';

/**
 * The kiosk's copy of the content repository: a bare repository (the mirror) that takes the
 * branch's newest commit only (`--depth=1`: no history is needed, and a hundred kiosks fetch
 * little), and the few git commands the updater needs, each bounded in time and output.
 */

export const FETCH_TIMEOUT_MINUTES = 10;
const LOCAL_TIMEOUT_MS = 2 * 60_000;
const SMALL_OUTPUT = 64 * 1024;
const TREE_LISTING_OUTPUT = 8 * 1024 * 1024;

/** A revision of the whole repository larger than this is refused: a kiosk keeps a few of them. */
export const MAX_REVISION_BYTES = 256 * 1024 * 1024;
export const MAX_REVISION_FILES = 20_000;

/** Where the fetched branch is kept in the mirror. */
const NEWEST_REF = 'refs/kiosk/newest';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Repository {
  /** Fetches the branch; its newest revision. Throws a RepositoryError in plain words. */
  fetch(): Promise<RevisionSummary>;
  /** Whether `sha` is signed by a key of the allowed-signers file. */
  verifySignature(sha: string): Promise<Verdict>;
  /** Whether `sha` is small enough to be checked out on a kiosk. */
  checkSize(sha: string): Promise<Verdict>;
  /** Writes the files of `sha` into `folder` (which must not exist). */
  checkout(sha: string, folder: string): Promise<void>;
}

export interface RepositoryOptions {
  readonly settings: RepositorySettings;
  /** The folder the kiosk keeps its copy of the repository in. */
  readonly folder: string;
  readonly env: Env;
  /** Told once when a token file can be read by other users of the computer. */
  readonly warn: (message: string) => void;
}

export function openRepository(options: RepositoryOptions): Repository {
  const { settings, folder } = options;
  const mirror = join(folder, 'mirror.git');
  const places: GitPlaces = {
    home: join(folder, 'home'),
    emptyConfigFile: join(folder, 'home', 'empty.gitconfig'),
    emptyHooksFolder: join(folder, 'home', 'no-hooks'),
  };
  const knownHostsFile = settings.knownHostsFile ?? join(folder, 'home', 'known_hosts');
  let warnedAboutToken = false;

  async function prepare(): Promise<void> {
    await mkdir(places.emptyHooksFolder, { recursive: true });
    if (!existsSync(places.emptyConfigFile)) await writeFile(places.emptyConfigFile, '');
  }

  async function access(withSecrets: boolean): Promise<GitAccess> {
    const token =
      withSecrets && settings.address.transport === 'https' ? await readToken(settings, options.env) : {};
    if (token.warning !== undefined && !warnedAboutToken) {
      warnedAboutToken = true;
      options.warn(token.warning);
    }
    return {
      knownHostsFile,
      knownHostsGiven: settings.knownHostsFile !== undefined,
      ...(settings.username === undefined ? {} : { username: settings.username }),
      ...(token.token === undefined ? {} : { token: token.token }),
      ...(settings.sshKeyFile === undefined ? {} : { sshKeyFile: settings.sshKeyFile }),
      ...(settings.caFile === undefined ? {} : { caFile: settings.caFile }),
      ...(settings.allowedSignersFile === undefined
        ? {}
        : { allowedSignersFile: settings.allowedSignersFile }),
    };
  }

  async function git(
    args: readonly string[],
    bounds: {
      timeoutMs?: number;
      maxOutputBytes?: number;
      secrets?: boolean;
      extraEnv?: Record<string, string>;
    } = {},
  ): Promise<string> {
    const env = {
      ...gitEnvironment(options.env, await access(bounds.secrets === true), places),
      ...bounds.extraEnv,
    };
    const { stdout } = await runGit(args, {
      env,
      timeoutMs: bounds.timeoutMs ?? LOCAL_TIMEOUT_MS,
      maxOutputBytes: bounds.maxOutputBytes ?? SMALL_OUTPUT,
      ...(settings.gitProgram === undefined ? {} : { program: settings.gitProgram }),
    });
    return stdout;
  }

  const explain = (error: unknown) =>
    new RepositoryError(explainGitFailure(error, { timeoutMinutes: FETCH_TIMEOUT_MINUTES }));

  async function ensureMirror(): Promise<void> {
    if (existsSync(join(mirror, 'HEAD'))) return;
    await rm(mirror, { recursive: true, force: true });
    await git(['init', '--quiet', '--bare', mirror]);
  }

  async function fetchOnce(): Promise<void> {
    await ensureMirror();
    await git(
      [
        `--git-dir=${mirror}`,
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        '--depth=1',
        '--',
        settings.address.url,
        `+refs/heads/${settings.branch}:${NEWEST_REF}`,
      ],
      { timeoutMs: FETCH_TIMEOUT_MINUTES * 60_000, secrets: true },
    );
  }

  return {
    async fetch() {
      try {
        await prepare();
        try {
          await fetchOnce();
        } catch (error) {
          // A mirror damaged by a power cut is made again from the repository.
          if (
            !(error instanceof GitError) ||
            !/not a git repository|corrupt|bad object|broken|fsck/i.test(error.stderr)
          )
            throw error;
          await rm(mirror, { recursive: true, force: true });
          await fetchOnce();
        }
        const [sha = '', time = '0', author = '', subject = ''] = (
          await git([`--git-dir=${mirror}`, 'log', '-1', '--format=%H%x00%ct%x00%an%x00%s', NEWEST_REF])
        )
          .trim()
          .split('\0');
        if (!/^[0-9a-f]{40,64}$/.test(sha))
          throw new RepositoryError('the repository gave a revision the kiosk cannot read');
        return {
          sha,
          committedAt: Number(time) * 1000,
          author: oneLine(author, 100),
          subject: oneLine(subject, 200),
        };
      } catch (error) {
        throw error instanceof RepositoryError ? error : explain(error);
      }
    },

    async verifySignature(sha) {
      const signers = settings.allowedSignersFile;
      if (signers === undefined) return { ok: true };
      if (!existsSync(signers)) {
        return { ok: false, reason: `cannot be checked: the allowed signers file ${signers} is missing` };
      }
      let output: string;
      try {
        output = await git([`--git-dir=${mirror}`, 'log', '-1', '--format=%G?%x00%GK%x00%GS', sha]);
      } catch (error) {
        return { ok: false, reason: `its signature could not be checked (${explain(error).message})` };
      }
      const [code = '', key = '', signer = ''] = output.trim().split('\0');
      return signatureVerdict(code, key, signer);
    },

    async checkSize(sha) {
      let listing: string;
      try {
        listing = await git([`--git-dir=${mirror}`, 'ls-tree', '-r', '-l', '-z', '--full-tree', sha], {
          maxOutputBytes: TREE_LISTING_OUTPUT,
        });
      } catch (error) {
        if (error instanceof GitError && error.failure === 'too-much-output') {
          return {
            ok: false,
            reason: `has far more than ${MAX_REVISION_FILES} files: a kiosk cannot keep it`,
          };
        }
        throw explain(error);
      }
      let files = 0;
      let bytes = 0;
      for (const entry of listing.split('\0')) {
        const size = /^\d+ blob [0-9a-f]+ +(\d+)\t/.exec(entry)?.[1];
        if (size === undefined) continue;
        files += 1;
        bytes += Number(size);
      }
      if (files > MAX_REVISION_FILES) {
        return {
          ok: false,
          reason: `has ${files} files, more than the ${MAX_REVISION_FILES} a kiosk keeps: move what kiosks do not show to another repository`,
        };
      }
      if (bytes > MAX_REVISION_BYTES) {
        return {
          ok: false,
          reason: `is ${Math.round(bytes / (1024 * 1024))} MB, more than the ${MAX_REVISION_BYTES / (1024 * 1024)} MB a kiosk keeps: make the pictures smaller, or move what kiosks do not show to another repository`,
        };
      }
      return { ok: true };
    },

    async checkout(sha, target) {
      const index = `${target}.index`;
      await mkdir(target, { recursive: true });
      try {
        await git([`--git-dir=${mirror}`, `--work-tree=${target}`, 'read-tree', '--reset', '-u', sha], {
          extraEnv: { GIT_INDEX_FILE: index },
        });
      } catch (error) {
        throw explain(error);
      } finally {
        await rm(index, { force: true });
      }
    },
  };
}

/** git's `%G?` for an SSH signature, in words: only G (good, by an allowed signer) is accepted. */
export function signatureVerdict(code: string, key: string, signer: string): Verdict {
  const withKey = key === '' ? '' : ` (key ${key})`;
  switch (code) {
    case 'G':
      return { ok: true };
    case 'N':
      return { ok: false, reason: 'is not signed, and this kiosk shows signed revisions only' };
    case 'U':
      return {
        ok: false,
        reason: `is signed by a key that is not in the allowed signers file${withKey}, and this kiosk shows revisions signed by allowed keys only`,
      };
    case 'B':
      return {
        ok: false,
        reason: `has a signature that does not match its contents${withKey}: it may have been tampered with`,
      };
    case 'X':
    case 'Y':
      return {
        ok: false,
        reason: `is signed with a key that has expired${withKey}${signer === '' ? '' : ` (${signer})`}`,
      };
    case 'R':
      return { ok: false, reason: `is signed with a key that has been revoked${withKey}` };
    default:
      return { ok: false, reason: 'has a signature that could not be checked (is ssh-keygen installed?)' };
  }
}

/** Text from a commit, on one line and bounded: it goes to the log, the staff panel and the heartbeat. */
function oneLine(text: string, max: number): string {
  const line = text.replace(/\p{Cc}/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
