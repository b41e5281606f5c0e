import { describe, expect, it } from 'vitest';
import { explainGitFailure } from '../../../../src/node/git/git-errors';
import { GitError } from '../../../../src/node/git/run-git';

const explain = (stderr: string, failure: ConstructorParameters<typeof GitError>[0] = 'failed') =>
  explainGitFailure(new GitError(failure, stderr, 128), { timeoutMinutes: 10 });

describe('git’s failures, in plain words', () => {
  it('says what to check for each kind of failure, with git’s own last line after it', () => {
    expect(explain("fatal: unable to access 'https://x/': Could not resolve host: x\n")).toBe(
      "the repository’s server cannot be found: the kiosk may be offline, or the address is mistyped (git: fatal: unable to access 'https://x/': Could not resolve host: x)",
    );
    expect(explain('fatal: Authentication failed for https://x/')).toMatch(
      /^the repository refused the kiosk’s token or deploy key/,
    );
    expect(
      explain('git@x: Permission denied (publickey).\nfatal: Could not read from remote repository.'),
    ).toMatch(/refused the kiosk’s token or deploy key/);
    expect(explain('server certificate verification failed. CAfile: none')).toMatch(/give it as ca_file/);
    expect(explain("fatal: couldn't find remote ref refs/heads/mian")).toMatch(/^the branch does not exist/);
    expect(explain('Host key verification failed.')).toMatch(/SSH host key is not the one this kiosk knows/);
  });

  it('tells a missing git and a deadline apart from other failures', () => {
    expect(explain('', 'not-installed')).toMatch(/^git is not installed on this computer/);
    expect(explain('', 'timeout')).toMatch(/did not finish answering within 10 minutes/);
  });

  it('keeps git’s last line to one line of readable text', () => {
    expect(explain(`fatal: ${'x'.repeat(400)}\u001b[31m`)).toMatch(/^git failed: fatal: x+\.\.\.$/);
  });
});
