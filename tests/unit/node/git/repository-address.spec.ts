import { describe, expect, it } from 'vitest';
import {
  checkBranch,
  checkRepositoryAddress,
  checkRepositoryPath,
} from '../../../../src/node/git/repository-address';

const message = (result: { ok: boolean; message?: string }) => (result.ok ? undefined : result.message);

describe('the repository address', () => {
  it('takes https:// and SSH addresses, in both of git’s SSH forms', () => {
    expect(checkRepositoryAddress('https://github.com/clinic/content.git')).toMatchObject({
      ok: true,
      value: { transport: 'https' },
    });
    expect(checkRepositoryAddress('ssh://git@gitlab.example:2222/clinic/content.git')).toMatchObject({
      ok: true,
      value: { transport: 'ssh' },
    });
    expect(checkRepositoryAddress('git@github.com:clinic/content.git')).toMatchObject({
      ok: true,
      value: { transport: 'ssh' },
    });
  });

  it('refuses plain http, local paths, other transports and anything git would read as an option', () => {
    expect(message(checkRepositoryAddress('http://gitea.local/clinic/content.git'))).toMatch(
      /use its https:\/\/ address/,
    );
    for (const address of [
      '/srv/content.git',
      'file:///srv/content.git',
      'ext::sh -c id',
      'git://example.org/x',
      'C:\\content',
      '--upload-pack=evil',
    ]) {
      expect(checkRepositoryAddress(address).ok, address).toBe(false);
    }
  });

  it('refuses a token written into the address, without repeating it', () => {
    const result = message(checkRepositoryAddress('https://user:ghp_secret@github.com/clinic/content.git'));
    expect(result).toMatch(/has a password or token in it/);
    expect(result).not.toContain('ghp_secret');
  });
});

describe('the branch and the folder', () => {
  it('takes ordinary branch names and refuses ones git would misread', () => {
    expect(checkBranch('main')).toEqual({ ok: true, value: 'main' });
    expect(checkBranch('release/2026-spring')).toEqual({ ok: true, value: 'release/2026-spring' });
    for (const branch of ['-x', 'a..b', 'a b', 'main.lock', 'main@{1}', ''])
      expect(checkBranch(branch).ok, branch).toBe(false);
  });

  it('takes a folder from the top of the repository, and refuses one that leaves it', () => {
    expect(checkRepositoryPath('sites/north/')).toEqual({ ok: true, value: 'sites/north' });
    expect(checkRepositoryPath('./sites/north')).toEqual({ ok: true, value: 'sites/north' });
    expect(checkRepositoryPath('')).toEqual({ ok: true, value: '' });
    expect(message(checkRepositoryPath('../secrets'))).toMatch(/no \.\. or empty parts/);
    expect(message(checkRepositoryPath('/etc'))).toMatch(/is a full path/);
    expect(message(checkRepositoryPath('sites\\north'))).toMatch(/forward slashes/);
  });
});
