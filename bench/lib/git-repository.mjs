// @ts-check
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What staff do in the hosting service's web editor, done with git: a bare repository (what the
 * server serves) and a working copy beside it, where each change is committed and pushed.
 * For the tests and the benchmark; nothing here runs in the kiosk.
 * @typedef {{
 *   readonly bare: string;
 *   readonly work: string;
 *   write(files: Record<string, string | null>): Promise<void>;
 *   copy(from: string, to: string): Promise<void>;
 *   commit(message: string, options?: { signWith?: string }): Promise<string>;
 *   revert(sha: string): Promise<string>;
 * }} ContentRepository
 */

const AUTHOR = ['-c', 'user.name=Clinic Staff', '-c', 'user.email=staff@clinic.example'];

/**
 * @param {string} folder
 * @param {readonly string[]} args
 */
async function git(folder, args) {
  const { stdout } = await run('git', args, {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
  });
  return stdout.trim();
}

/**
 * A bare repository `<root>/<name>` on branch `main` and its working copy.
 * @param {string} root
 * @param {string} name
 * @returns {Promise<ContentRepository>}
 */
export async function createContentRepository(root, name, branch = 'main') {
  const bare = join(root, name);
  const work = join(root, `${name}.work`);
  await mkdir(bare, { recursive: true });
  await git(bare, ['init', '--quiet', '--bare', `--initial-branch=${branch}`]);
  await mkdir(work, { recursive: true });
  await git(work, ['init', '--quiet', `--initial-branch=${branch}`]);
  await git(work, ['remote', 'add', 'origin', bare]);
  return {
    bare,
    work,
    async write(files) {
      for (const [path, text] of Object.entries(files)) {
        const file = join(work, path);
        if (text === null) {
          await rm(file, { force: true });
          continue;
        }
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, text);
      }
    },
    async copy(from, to) {
      await cp(from, join(work, to), { recursive: true });
    },
    async commit(message, options = {}) {
      await git(work, ['add', '--all']);
      const signing =
        options.signWith === undefined
          ? []
          : ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${options.signWith}`];
      const sign = options.signWith === undefined ? [] : ['-S'];
      await git(work, [...AUTHOR, ...signing, 'commit', '--quiet', '--allow-empty', ...sign, '-m', message]);
      await git(work, ['push', '--quiet', 'origin', `HEAD:${branch}`]);
      return git(work, ['rev-parse', 'HEAD']);
    },
    async revert(sha) {
      await git(work, [...AUTHOR, 'revert', '--no-edit', sha]);
      await git(work, ['push', '--quiet', 'origin', `HEAD:${branch}`]);
      return git(work, ['rev-parse', 'HEAD']);
    },
  };
}

/**
 * An SSH key pair for signing commits, made with ssh-keygen; `allowedSigners` is the line of git's
 * allowed-signers file that trusts it.
 * @param {string} folder
 * @param {string} name
 */
export async function makeSigningKey(folder, name) {
  const key = join(folder, name);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key]);
  const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim();
  return { key, allowedSigners: `${name}@clinic.example ${publicKey}\n` };
}
