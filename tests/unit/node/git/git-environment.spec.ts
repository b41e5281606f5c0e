import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_HELPER,
  CREDENTIAL_TOKEN_VARIABLE,
  gitConfiguration,
  gitEnvironment,
  shellQuote,
  sshCommand,
  type GitAccess,
} from '../../../../src/node/git/git-environment';

const places = {
  home: '/kiosk/home',
  emptyConfigFile: '/kiosk/home/empty',
  emptyHooksFolder: '/kiosk/home/no-hooks',
};
const access: GitAccess = { knownHostsFile: '/kiosk/home/known_hosts', knownHostsGiven: false };
const config = (env: Record<string, string>) =>
  Array.from({ length: Number(env.GIT_CONFIG_COUNT) }, (_, i) => [
    env[`GIT_CONFIG_KEY_${i}`],
    env[`GIT_CONFIG_VALUE_${i}`],
  ]);

describe('the environment git runs in', () => {
  it('starts from nothing: no system or user configuration, no prompts, no hooks, HTTPS and SSH only', () => {
    const env = gitEnvironment(
      { PATH: '/usr/bin', GIT_DIR: '/elsewhere', GIT_SSL_NO_VERIFY: '1', HOME: '/home/kiosk' },
      access,
      places,
    );
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/kiosk/home',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/kiosk/home/empty',
      GIT_TERMINAL_PROMPT: '0',
      GIT_ALLOW_PROTOCOL: 'https:ssh',
    });
    expect(env).not.toHaveProperty('GIT_DIR');
    expect(env).not.toHaveProperty('GIT_SSL_NO_VERIFY');
    expect(config(env)).toEqual(
      expect.arrayContaining([
        ['protocol.allow', 'never'],
        ['protocol.https.allow', 'always'],
        ['protocol.ssh.allow', 'always'],
        ['core.hooksPath', '/kiosk/home/no-hooks'],
        ['core.symlinks', 'false'],
        ['http.sslVerify', 'true'],
        ['transfer.fsckObjects', 'true'],
      ]),
    );
  });

  it('passes a clinic’s proxy on, and nothing else of the kiosk’s environment', () => {
    const env = gitEnvironment(
      { PATH: '/usr/bin', HTTPS_PROXY: 'http://proxy:3128', KIOSK_SOURCE_TOKEN: 'secret' },
      access,
      places,
    );
    expect(env.HTTPS_PROXY).toBe('http://proxy:3128');
    expect(Object.values(env)).not.toContain('secret');
  });

  it('gives the token to git only through its credential helper, by the helper’s variables', () => {
    const env = gitEnvironment({}, { ...access, token: 's3cret-token', username: 'deploy' }, places);
    const entries = config(env);
    expect(entries).toContainEqual(['credential.helper', '']);
    expect(entries).toContainEqual(['credential.helper', CREDENTIAL_HELPER]);
    expect(entries.findIndex(([key, value]) => key === 'credential.helper' && value === '')).toBeLessThan(
      entries.findIndex(([, value]) => value === CREDENTIAL_HELPER),
    );
    expect(CREDENTIAL_HELPER).not.toContain('s3cret-token');
    expect(JSON.stringify(entries)).not.toContain('s3cret-token');
    expect(env[CREDENTIAL_TOKEN_VARIABLE]).toBe('s3cret-token');
  });

  it('trusts the clinic’s certificate authority, and checks signatures with the allowed signers, when given', () => {
    const entries = gitConfiguration(
      { ...access, caFile: '/etc/ca.pem', allowedSignersFile: '/etc/signers' },
      places,
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        ['http.sslCAInfo', '/etc/ca.pem'],
        ['gpg.format', 'ssh'],
        ['gpg.ssh.allowedSignersFile', '/etc/signers'],
      ]),
    );
  });
});

describe('the SSH command', () => {
  it('uses the deploy key only, never asks, and accepts a new host key once unless the installer gave them', () => {
    const command = sshCommand({ ...access, sshKeyFile: "/keys/it's key" });
    expect(command).toMatch(/^ssh -F none /);
    expect(command).toContain('-o BatchMode=yes');
    expect(command).toContain('-o IdentitiesOnly=yes');
    expect(command).toContain('-o StrictHostKeyChecking=accept-new');
    expect(command).toContain(`-o IdentityFile=${shellQuote("/keys/it's key")}`);
    expect(sshCommand({ ...access, knownHostsGiven: true })).toContain('-o StrictHostKeyChecking=yes');
  });

  it('quotes paths for the shell git runs it in', () => {
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
  });
});
