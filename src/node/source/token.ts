import { open } from 'node:fs/promises';
import { OPEN_WITHOUT_WAITING } from '../content/file-system';
import { ENV, type Env } from '../environment';
import { errnoCode } from '../errno';
import type { RepositorySettings } from '../kiosk-settings';
import { RepositoryError } from './repository-error';

/** A token is one line of a few dozen characters; a bigger file is the wrong file. */
const MAX_TOKEN_BYTES = 4096;

export interface TokenRead {
  readonly token?: string;
  /** Something the installer should hear about once: a token file other users can read. */
  readonly warning?: string;
}

/**
 * The HTTPS token, read each time the kiosk fetches (so a replaced token is used without a
 * restart): from `token_file` in the settings, else from KIOSK_SOURCE_TOKEN. Never logged; a
 * token that cannot be read is a RepositoryError that names the file, not its contents.
 */
export async function readToken(settings: RepositorySettings, env: Env): Promise<TokenRead> {
  if (settings.tokenFile === undefined) {
    const fromEnv = env[ENV.sourceToken]?.trim();
    return fromEnv === undefined || fromEnv === '' ? {} : { token: fromEnv };
  }
  const file = settings.tokenFile;
  let handle;
  try {
    handle = await open(file, OPEN_WITHOUT_WAITING);
  } catch (error) {
    throw new RepositoryError(
      errnoCode(error) === 'ENOENT'
        ? `the token file ${file} is missing`
        : `the token file ${file} cannot be read (${errnoCode(error) ?? 'unknown error'}): check that the kiosk's user may read it`,
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_TOKEN_BYTES) {
      throw new RepositoryError(`the token file ${file} is not a small text file holding the token`);
    }
    const bytes = Buffer.alloc(MAX_TOKEN_BYTES + 1);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const token = bytes.subarray(0, bytesRead).toString('utf8').trim();
    if (token === '' || /\s/.test(token)) {
      throw new RepositoryError(`the token file ${file} must hold the token alone, on one line`);
    }
    // POSIX permissions: group or others may read it.
    const shared = process.platform !== 'win32' && (stat.mode & 0o077) !== 0;
    return {
      token,
      ...(shared
        ? {
            warning: `the token file ${file} can be read by other users of this computer: make it readable by the kiosk's user only (chmod 600)`,
          }
        : {}),
    };
  } finally {
    await handle.close();
  }
}
