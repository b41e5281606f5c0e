import { GitError } from './run-git';

/**
 * What went wrong talking to the repository, in words an installer (or the IT person reading a
 * heartbeat) can act on, with git's own last line after it for the details. Never holds a
 * secret: the kiosk never puts one where git could print it.
 */
export function explainGitFailure(error: unknown, what: { readonly timeoutMinutes: number }): string {
  if (!(error instanceof GitError))
    return `git failed: ${error instanceof Error ? error.message : String(error)}`;
  switch (error.failure) {
    case 'not-installed':
      return 'git is not installed on this computer, or not on its PATH: install git (on Windows, Git for Windows) and restart the kiosk';
    case 'timeout':
      return `the repository did not finish answering within ${what.timeoutMinutes} minutes: the network may be very slow, or the server stopped answering`;
    case 'too-much-output':
      return 'git printed far more than expected, so it was stopped: check the repository address';
    case 'failed':
      break;
  }
  const detail = lastLine(error.stderr);
  const reason = reasonFor(error.stderr);
  if (reason === undefined) return detail === '' ? 'git failed without saying why' : `git failed: ${detail}`;
  return detail === '' ? reason : `${reason} (git: ${detail})`;
}

const REASONS: readonly (readonly [RegExp, string])[] = [
  [
    /could not resolve host|name or service not known|temporary failure in name resolution|could not resolve hostname/i,
    'the repository’s server cannot be found: the kiosk may be offline, or the address is mistyped',
  ],
  [
    /connection refused|failed to connect|connection timed out|network is unreachable|no route to host|couldn't connect/i,
    'the repository’s server cannot be reached: the kiosk may be offline, or the server is down',
  ],
  [
    /ssl certificate problem|server certificate verification failed|certificate verify failed|unable to get local issuer/i,
    'the repository’s certificate is not trusted: if the clinic uses its own certificate authority, give it as ca_file in the kiosk settings',
  ],
  [
    /host key verification failed|remote host identification has changed/i,
    'the repository’s SSH host key is not the one this kiosk knows: check known_hosts_file, or ask IT whether the server changed',
  ],
  [
    /permission denied \(publickey|authentication failed|could not read (username|password)|invalid username or password|http 401|returned error: 401|http 403|returned error: 403/i,
    'the repository refused the kiosk’s token or deploy key: check that it is right, has not expired, and may read this repository',
  ],
  [
    /repository not found|does not appear to be a git repository|returned error: 404|not found/i,
    'the repository was not found: check its address, and that the token or deploy key may read it',
  ],
  [
    /couldn't find remote ref|remote branch .* not found/i,
    'the branch does not exist in the repository: check the branch setting',
  ],
  [/no space left on device/i, 'the kiosk’s disk is full'],
];

function reasonFor(stderr: string): string | undefined {
  return REASONS.find(([pattern]) => pattern.test(stderr))?.[1];
}

/** git's last line that says something, on one line and not too long for a log line. */
function lastLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\p{Cc}/gu, ' ').trim())
    .filter((line) => line !== '' && !/^(hint|warning: redirecting)/i.test(line));
  const last = lines.at(-1) ?? '';
  return last.length > 300 ? `${last.slice(0, 297)}...` : last;
}
