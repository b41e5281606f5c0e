import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { GitError, runGit } from '../../../../src/node/git/run-git';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
/** Alive, and not a zombie waiting for a parent that is gone (a container's first process may never reap it). */
const isRunning = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** git's bounds, tried with sh standing in for git. */
describe('running git within bounds', () => {
  it('ends git and what it started when the deadline passes', async () => {
    const pidFile = `/tmp/kiosk-run-git-${process.pid}`;
    const run = runGit(['-c', `sleep 30 & echo $! > ${pidFile}; wait`], {
      program: 'sh',
      env,
      timeoutMs: 300,
      maxOutputBytes: 1000,
    });
    await expect(run).rejects.toMatchObject({ failure: 'timeout' });
    const helper = Number(readFileSync(pidFile, 'utf8'));
    rmSync(pidFile);
    await vi.waitFor(() => expect(isRunning(helper)).toBe(false));
  });

  it('stops git when it prints more than it may', async () => {
    await expect(
      runGit(['-c', 'yes'], { program: 'sh', env, timeoutMs: 10_000, maxOutputBytes: 64 * 1024 }),
    ).rejects.toMatchObject({ failure: 'too-much-output' });
  });

  it('says when git is not installed, and keeps what a failing git said', async () => {
    await expect(
      runGit(['--version'], { program: '/nonexistent/git', env, timeoutMs: 1000, maxOutputBytes: 1000 }),
    ).rejects.toMatchObject({
      failure: 'not-installed',
    });
    const failed = await runGit(['-c', 'echo "fatal: no" >&2; exit 128'], {
      program: 'sh',
      env,
      timeoutMs: 1000,
      maxOutputBytes: 1000,
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(GitError);
    expect(failed).toMatchObject({ failure: 'failed', exitCode: 128, stderr: 'fatal: no\n' });
  });

  it('answers with what git printed', async () => {
    expect((await runGit(['--version'], { env, timeoutMs: 5000, maxOutputBytes: 1000 })).stdout).toMatch(
      /^git version /,
    );
  });
});
