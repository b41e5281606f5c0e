/**
 * The three things that name a kiosk's content in a repository, checked before git ever sees
 * them: the repository's address, the branch, and the folder in it. Anything git would read as
 * an option, a local path or a transport other than HTTPS and SSH is refused here, in words an
 * installer can act on; git's own protocol lock (git-environment.ts) refuses it again.
 */

export type Transport = 'https' | 'ssh';

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface RepositoryAddress {
  /** As git is given it. */
  readonly url: string;
  readonly transport: Transport;
  /** For the log, the staff panel and the health report: never holds a secret. */
  readonly display: string;
}

const MAX_URL_LENGTH = 2048;
/** `[user@]host:path`, git's short form of an SSH address (a single letter before the colon is a Windows drive). */
const SCP_LIKE = /^(?:([A-Za-z0-9._~-]+)@)?([A-Za-z0-9.-]{2,}|\[[0-9A-Fa-f:.]+\]):(?!\/\/)(.+)$/;

export function checkRepositoryAddress(text: string): Checked<RepositoryAddress> {
  const url = text.trim();
  const refuse = (message: string): Checked<RepositoryAddress> => ({ ok: false, message });
  if (url === '') return refuse('the repository address is empty: give its https:// or SSH address');
  if (url.length > MAX_URL_LENGTH) return refuse('the repository address is far too long to be one');
  if (/[\s\p{Cc}]/u.test(url))
    return refuse('the repository address has a space or a control character in it');
  if (url.startsWith('-')) return refuse('the repository address cannot start with a dash');
  if (/^http:\/\//i.test(url)) {
    return refuse(
      'the repository address starts with http://, which anyone on the network can read and change: use its https:// address',
    );
  }
  if (/^https:\/\//i.test(url) || /^ssh:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse(`"${withoutSecrets(url)}" is not a web address`);
    }
    if (parsed.hostname === '') return refuse('the repository address has no server name');
    if (parsed.password !== '') {
      return refuse(
        'the repository address has a password or token in it, where anyone reading the settings or the log would see it: remove it from the address and put the token in a file (token_file) or in KIOSK_SOURCE_TOKEN',
      );
    }
    const transport: Transport = parsed.protocol === 'https:' ? 'https' : 'ssh';
    return { ok: true, value: { url, transport, display: url } };
  }
  const scp = SCP_LIKE.exec(url);
  if (scp !== null && !url.includes('://')) {
    return { ok: true, value: { url, transport: 'ssh', display: url } };
  }
  return refuse(
    `"${withoutSecrets(url)}" is not an address the kiosk takes content from: use the repository's https:// address (with a token) or its SSH address such as git@github.com:clinic/kiosk-content.git (with a deploy key)`,
  );
}

/** An address with any user:password part removed, for messages about an address that was refused. */
function withoutSecrets(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}

const MAX_BRANCH_LENGTH = 200;

/** A branch name git accepts and that cannot be read as an option or a revision expression. */
export function checkBranch(text: string): Checked<string> {
  const branch = text.trim();
  const valid =
    branch.length > 0 &&
    branch.length <= MAX_BRANCH_LENGTH &&
    /^[A-Za-z0-9._/-]+$/.test(branch) &&
    !branch.startsWith('-') &&
    !branch.startsWith('/') &&
    !branch.endsWith('/') &&
    !branch.endsWith('.') &&
    !branch.endsWith('.lock') &&
    !branch.includes('..') &&
    !branch.includes('//') &&
    !branch.split('/').some((part) => part.startsWith('.'));
  return valid
    ? { ok: true, value: branch }
    : {
        ok: false,
        message: `"${branch}" is not a branch name: use the name the hosting service shows, such as main`,
      };
}

const MAX_PATH_LENGTH = 500;

/**
 * The folder of the repository that holds kiosk.yaml, with forward slashes, relative to its top:
 * `sites/north`. The empty string is the top folder itself.
 */
export function checkRepositoryPath(text: string): Checked<string> {
  const trimmed = text
    .trim()
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  const refuse = (why: string): Checked<string> => ({
    ok: false,
    message: `the folder "${text.trim()}" ${why}`,
  });
  if (trimmed === '' || trimmed === '.') return { ok: true, value: '' };
  if (trimmed.length > MAX_PATH_LENGTH) return refuse('is far too long to be a folder of the repository');
  if (trimmed.includes('\\'))
    return refuse(`uses backslashes: write it with forward slashes, as ${trimmed.replaceAll('\\', '/')}`);
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed)) {
    return refuse('is a full path: write the folder from the top of the repository, such as sites/north');
  }
  if (/\p{Cc}/u.test(trimmed)) return refuse('has a control character in it');
  const parts = trimmed.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) {
    return refuse('must name a folder inside the repository, such as sites/north (no .. or empty parts)');
  }
  return { ok: true, value: parts.join('/') };
}
