import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKioskSettings, type RepositorySettings } from '../../../../src/node/kiosk-settings';
import { readToken } from '../../../../src/node/source/token';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-token-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A repository read over HTTPS with the token in `token` beside the settings file. */
function settings(): RepositorySettings {
  const read = parseKioskSettings(
    'content:\n  source: https://git.example.org/clinic/content.git\n  token_file: token\n',
    'kiosk-settings.yaml',
    folder,
  );
  const repository = read.settings?.repository;
  if (repository === undefined) throw new Error(read.problems.map((problem) => problem.message).join('; '));
  return repository;
}

describe('the token file', () => {
  it('gives the token it holds', async () => {
    writeFileSync(join(folder, 'token'), 'glpat-abc123\n');
    chmodSync(join(folder, 'token'), 0o600);
    expect(await readToken(settings(), {})).toEqual({ token: 'glpat-abc123' });
  });

  it('refuses a pipe named like the token file at once, instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [join(folder, 'token')]);
    await expect(readToken(settings(), {})).rejects.toThrow(/is not a small text file holding the token/);
  });
});
