import { spawn } from 'node:child_process';
import { errnoCode } from '../errno';

/**
 * Runs the system's git with `execFile`'s safety (no shell, arguments as a list) and the kiosk's
 * bounds: a deadline after which git and everything it started (git-remote-https, ssh) is ended,
 * and a ceiling on what it may print. git never waits for a person: the environment it is given
 * (git-environment.ts) turns every prompt off.
 */

export interface GitRunOptions {
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Past this much output git is stopped: nothing the kiosk asks git for is that long. */
  readonly maxOutputBytes: number;
  readonly cwd?: string;
  /** The git program: `git` on the PATH unless the settings name one. */
  readonly program?: string;
}

export interface GitOutput {
  readonly stdout: string;
  readonly stderr: string;
}

export type GitFailure = 'not-installed' | 'timeout' | 'too-much-output' | 'failed';

export class GitError extends Error {
  constructor(
    readonly failure: GitFailure,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${failure}${stderr === '' ? '' : `: ${stderr.trim().split('\n').at(-1) ?? ''}`}`);
    this.name = 'GitError';
  }
}

/** What git says on its error stream is kept to its last part: the reason is at the end. */
const MAX_STDERR_BYTES = 16 * 1024;

export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    // Its own process group, so the deadline ends git's helpers with it (not on Windows, where a
    // helper whose parent is gone ends on its broken pipes).
    const ownGroup = process.platform !== 'win32';
    let child;
    try {
      child = spawn(options.program ?? 'git', args, {
        env: options.env,
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: ownGroup,
        windowsHide: true,
        shell: false,
      });
    } catch (error) {
      reject(failureOf(error));
      return;
    }
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let ended: GitFailure | undefined;

    const stop = (why: GitFailure) => {
      if (ended !== undefined) return;
      ended = why;
      try {
        if (ownGroup && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxOutputBytes) {
        stop('too-much-output');
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR_BYTES);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(failureOf(error, stderr));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (ended !== undefined) {
        reject(new GitError(ended, stderr, code));
        return;
      }
      if (code !== 0) {
        reject(new GitError('failed', stderr, code));
        return;
      }
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr });
    });
  });
}

function failureOf(error: unknown, stderr = ''): GitError {
  return new GitError(errnoCode(error) === 'ENOENT' ? 'not-installed' : 'failed', stderr, null);
}
