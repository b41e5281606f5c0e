import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { STAFF_PIN_PATTERN } from '../shared/ipc';
import { writeFileAtomically } from './atomic-write';
import { errnoCode } from './errno';

/**
 * The staff PIN, kept as a salted scrypt hash in the user-data folder, never as the PIN itself.
 * The scrypt parameters are stored beside the hash so they can be raised later without locking
 * anyone out. Free of Electron: `npm run set-pin` writes the very file the kiosk reads.
 */

export const PIN_FILE_NAME = 'staff-pin.json';
/** Only the kiosk's own user may read the hash. */
export const PIN_FILE_MODE = 0o600;
/** 4 to 12 digits: what a PIN pad can type, long enough to matter, short enough to remember. */
export const PIN_PATTERN = STAFF_PIN_PATTERN;

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keyLength: number;
}

/** About 50-100 ms on a small kiosk PC: nothing for staff, slow for anyone guessing offline. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

export interface PinRecord extends ScryptParams {
  readonly version: 1;
  readonly algorithm: 'scrypt';
  /** base64 */
  readonly salt: string;
  /** base64 */
  readonly hash: string;
}

export function isValidPin(pin: unknown): pin is string {
  return typeof pin === 'string' && PIN_PATTERN.test(pin);
}

function deriveKey(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node refuses N·r beyond `maxmem`; allow exactly what these parameters need.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, params.keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPin(pin: string, params: ScryptParams = SCRYPT_PARAMS): Promise<PinRecord> {
  if (!isValidPin(pin)) throw new Error('a PIN is 4 to 12 digits');
  const salt = randomBytes(16);
  const key = await deriveKey(pin, salt, params);
  return {
    version: 1,
    algorithm: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    hash: key.toString('base64'),
  };
}

export async function pinMatches(record: PinRecord, pin: string): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  const expected = Buffer.from(record.hash, 'base64');
  const key = await deriveKey(pin, Buffer.from(record.salt, 'base64'), record);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const isInt = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks a stored record before trusting it. The bounds keep an edited or damaged file from
 * making the kiosk spend gigabytes or minutes on a single PIN check.
 */
export function parsePinRecord(value: unknown): PinRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const N = record.N;
  const ok =
    record.version === 1 &&
    record.algorithm === 'scrypt' &&
    isInt(N, 2 ** 10, 2 ** 20) &&
    (N & (N - 1)) === 0 &&
    isInt(record.r, 1, 32) &&
    // At most 256 MiB of memory for one check.
    N * record.r <= 2 ** 21 &&
    isInt(record.p, 1, 16) &&
    isInt(record.keyLength, 16, 64) &&
    typeof record.salt === 'string' &&
    Buffer.from(record.salt, 'base64').length >= 16 &&
    typeof record.hash === 'string' &&
    Buffer.from(record.hash, 'base64').length === record.keyLength;
  return ok ? (record as unknown as PinRecord) : undefined;
}

export type StoredPin =
  | { readonly state: 'set'; readonly record: PinRecord }
  | { readonly state: 'not-set' }
  | { readonly state: 'unreadable'; readonly reason: string };

export function pinFilePath(userDataDir: string): string {
  return join(userDataDir, PIN_FILE_NAME);
}

export async function readPin(userDataDir: string): Promise<StoredPin> {
  let text: string;
  try {
    text = await readFile(pinFilePath(userDataDir), 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') return { state: 'not-set' };
    return { state: 'unreadable', reason: code ?? 'read failed' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'unreadable', reason: 'not valid JSON' };
  }
  const record = parsePinRecord(json);
  return record === undefined
    ? { state: 'unreadable', reason: 'not a PIN record' }
    : { state: 'set', record };
}

/**
 * Written atomically and flushed, so a power cut never leaves half a PIN file; readable by its
 * owner only, whatever the file was before.
 */
export async function writePin(userDataDir: string, record: PinRecord): Promise<string> {
  const path = pinFilePath(userDataDir);
  await writeFileAtomically(path, `${JSON.stringify(record, null, 2)}\n`, { mode: PIN_FILE_MODE });
  return path;
}

export async function removePin(userDataDir: string): Promise<boolean> {
  const path = pinFilePath(userDataDir);
  try {
    await rm(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}
