import type { Env } from '../environment';

/**
 * The environment every git command of the kiosk runs in, built from nothing rather than
 * inherited: no system or user git configuration, no hooks, no prompts, HTTPS and SSH only, and
 * secrets passed the one way that keeps them out of the command line, the repository and the log.
 */

/** How the kiosk proves it may read the repository, and what it trusts. All paths are absolute. */
export interface GitAccess {
  /** HTTPS: the user name sent with the token. */
  readonly username?: string;
  /** HTTPS: the token, read from its file or variable just before git runs. */
  readonly token?: string;
  /** SSH: the deploy key's private key file. */
  readonly sshKeyFile?: string;
  /** SSH: the server's known host keys. */
  readonly knownHostsFile: string;
  /** True when the installer gave the known hosts file: only those keys are accepted. */
  readonly knownHostsGiven: boolean;
  /** HTTPS: the certificate authorities to trust instead of the system's. */
  readonly caFile?: string;
  /** Signed revisions only: git's allowed-signers file for SSH signatures. */
  readonly allowedSignersFile?: string;
}

/** Folders the kiosk keeps for git: a HOME with nothing in it, an empty config file, an empty hooks folder. */
export interface GitPlaces {
  readonly home: string;
  readonly emptyConfigFile: string;
  readonly emptyHooksFolder: string;
}

/** The names the credential helper reads the user name and token from; only git's own children see them. */
export const CREDENTIAL_USERNAME_VARIABLE = 'CLINIC_KIOSK_GIT_USERNAME';
export const CREDENTIAL_TOKEN_VARIABLE = 'CLINIC_KIOSK_GIT_TOKEN';

/**
 * Variables passed on from the kiosk's own environment: what finding programs and temporary
 * folders needs on each system, and a clinic's web proxy, which git and ssh honour.
 */
const PASSED_ON = [
  'PATH',
  'Path',
  'PATHEXT',
  'SYSTEMROOT',
  'SystemRoot',
  'WINDIR',
  'TEMP',
  'TMP',
  'TMPDIR',
  'https_proxy',
  'HTTPS_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'no_proxy',
  'NO_PROXY',
];

/** Slow or stalled transfers end: under 1 KB/s for a minute is a connection that has stopped. */
const LOW_SPEED_BYTES = 1000;
const LOW_SPEED_SECONDS = 60;
const SSH_CONNECT_SECONDS = 30;

/** A value for a POSIX shell, as git runs core.sshCommand and `!` helpers (Git for Windows too). */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The SSH command: the deploy key only, the known host keys only, never a question. */
export function sshCommand(access: GitAccess): string {
  const options = [
    'BatchMode=yes',
    'IdentitiesOnly=yes',
    'PasswordAuthentication=no',
    'KbdInteractiveAuthentication=no',
    `StrictHostKeyChecking=${access.knownHostsGiven ? 'yes' : 'accept-new'}`,
    `UserKnownHostsFile=${shellQuote(access.knownHostsFile)}`,
    `ConnectTimeout=${SSH_CONNECT_SECONDS}`,
    'ServerAliveInterval=15',
    'ServerAliveCountMax=4',
    ...(access.sshKeyFile === undefined ? [] : [`IdentityFile=${shellQuote(access.sshKeyFile)}`]),
  ];
  // -F none: nothing from ~/.ssh/config; the options above are the whole configuration.
  return ['ssh', '-F', 'none', ...options.flatMap((option) => ['-o', option])].join(' ');
}

/**
 * The credential helper git asks for the token (only when the server asks for one): a shell
 * function that prints the two variables. The helper's text holds their names, never the token.
 */
export const CREDENTIAL_HELPER = `!f() { test "$1" = get && printf 'username=%s\\npassword=%s\\n' "$${CREDENTIAL_USERNAME_VARIABLE}" "$${CREDENTIAL_TOKEN_VARIABLE}"; }; f`;

/** The configuration git runs with, as key and value pairs, in order (an empty value resets a list). */
export function gitConfiguration(access: GitAccess, places: GitPlaces): [string, string][] {
  const config: [string, string][] = [
    ['protocol.allow', 'never'],
    ['protocol.https.allow', 'always'],
    ['protocol.ssh.allow', 'always'],
    ['core.hooksPath', places.emptyHooksFolder],
    ['core.fsmonitor', 'false'],
    // A link in the repository becomes a small text file, never a way out of the checkout.
    ['core.symlinks', 'false'],
    ['core.autocrlf', 'false'],
    ['core.longpaths', 'true'],
    ['core.sshCommand', sshCommand(access)],
    ['credential.helper', ''],
    ['http.sslVerify', 'true'],
    ['http.lowSpeedLimit', String(LOW_SPEED_BYTES)],
    ['http.lowSpeedTime', String(LOW_SPEED_SECONDS)],
    ['transfer.fsckObjects', 'true'],
    ['fetch.recurseSubmodules', 'false'],
    ['submodule.recurse', 'false'],
    ['gc.autoDetach', 'false'],
    ['advice.detachedHead', 'false'],
  ];
  if (access.token !== undefined) config.push(['credential.helper', CREDENTIAL_HELPER]);
  if (access.caFile !== undefined) config.push(['http.sslCAInfo', access.caFile]);
  if (access.allowedSignersFile !== undefined) {
    config.push(['gpg.format', 'ssh'], ['gpg.ssh.allowedSignersFile', access.allowedSignersFile]);
  }
  return config;
}

/** The whole environment of a git command. `base` is the kiosk's own (environment.ts). */
export function gitEnvironment(base: Env, access: GitAccess, places: GitPlaces): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_ON) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    HOME: places.home,
    XDG_CONFIG_HOME: places.home,
    USERPROFILE: places.home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: places.emptyConfigFile,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_ALLOW_PROTOCOL: 'https:ssh',
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_SSH_VARIANT: 'ssh',
    GIT_LFS_SKIP_SMUDGE: '1',
    // Messages in English, as the log and the staff panel read them.
    LC_ALL: 'C',
    LANGUAGE: 'C',
  });
  const config = gitConfiguration(access, places);
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  if (access.token !== undefined) {
    env[CREDENTIAL_USERNAME_VARIABLE] = access.username ?? DEFAULT_TOKEN_USERNAME;
    env[CREDENTIAL_TOKEN_VARIABLE] = access.token;
  }
  return env;
}

/** Sent with a token when no user name is set: GitHub and GitLab accept any name with a token. */
export const DEFAULT_TOKEN_USERNAME = 'x-access-token';
