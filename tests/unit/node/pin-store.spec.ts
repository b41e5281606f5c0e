import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hashPin,
  isValidPin,
  parsePinRecord,
  pinMatches,
  readPin,
  removePin,
  writePin,
  type PinRecord,
} from '../../../src/node/pin-store';

/** Cheap parameters: the tests check behaviour, not cost. */
const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-pin-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('what counts as a PIN', () => {
  it.each(['1234', '000000', '123456789012'])('accepts %j', (pin) => {
    expect(isValidPin(pin)).toBe(true);
  });

  it.each(['123', '1234567890123', '12a4', ' 1234', '１２３４', 1234, null, undefined, ['1234']])(
    'refuses %j',
    (pin) => {
      expect(isValidPin(pin)).toBe(false);
    },
  );
});

describe('hashing a PIN', () => {
  it('keeps a salted hash and its parameters, never the PIN', async () => {
    const record = await hashPin('482913', FAST);
    expect(record).toMatchObject({ version: 1, algorithm: 'scrypt', ...FAST });
    expect(JSON.stringify(record)).not.toContain('482913');
    expect(Buffer.from(record.salt, 'base64')).toHaveLength(16);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPin('4829', FAST), hashPin('4829', FAST)]);
    expect(a.hash).not.toBe(b.hash);
  });

  it('matches the right PIN only', async () => {
    const record = await hashPin('4829', FAST);
    expect(await pinMatches(record, '4829')).toBe(true);
    expect(await pinMatches(record, '4828')).toBe(false);
    expect(await pinMatches(record, '48290')).toBe(false);
    expect(await pinMatches(record, 'not a pin')).toBe(false);
  });

  it('refuses to hash something that is not a PIN', async () => {
    await expect(hashPin('12', FAST)).rejects.toThrow(/4 to 12 digits/);
  });
});

describe('checking a stored record', () => {
  let good: PinRecord;
  beforeEach(async () => {
    good = await hashPin('4829', FAST);
  });

  it('accepts a record it wrote', () => {
    expect(parsePinRecord(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });

  it.each([
    ['another algorithm', { algorithm: 'md5' }],
    ['another version', { version: 2 }],
    ['N that is not a power of two', { N: 3000 }],
    ['N so large one check would take gigabytes', { N: 2 ** 20, r: 32 }],
    ['N too small to slow anyone down', { N: 16 }],
    ['a short salt', { salt: Buffer.alloc(4).toString('base64') }],
    ['a hash of the wrong length', { hash: Buffer.alloc(8).toString('base64') }],
    ['a missing hash', { hash: undefined }],
  ])('refuses %s', (_what, change) => {
    expect(parsePinRecord({ ...good, ...change })).toBeUndefined();
  });

  it('refuses something that is not an object', () => {
    expect(parsePinRecord('4829')).toBeUndefined();
    expect(parsePinRecord(null)).toBeUndefined();
  });
});

describe('the PIN file', () => {
  it('is not set until one is written', async () => {
    expect(await readPin(dir)).toEqual({ state: 'not-set' });
  });

  it('reads back what was written, creating the folder, readable by its owner only', async () => {
    const record = await hashPin('4829', FAST);
    const folder = join(dir, 'new', 'folder');
    const path = await writePin(folder, record);
    expect(path).toBe(join(folder, 'staff-pin.json'));
    expect(await readPin(folder)).toEqual({ state: 'set', record });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('is made readable by its owner only again when a new PIN replaces a file someone opened up', async () => {
    const path = await writePin(dir, await hashPin('1111', FAST));
    chmodSync(path, 0o644);
    await writePin(dir, await hashPin('2222', FAST));
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('replaces an earlier PIN', async () => {
    await writePin(dir, await hashPin('1111', FAST));
    await writePin(dir, await hashPin('2222', FAST));
    const stored = await readPin(dir);
    expect(stored.state === 'set' && (await pinMatches(stored.record, '2222'))).toBe(true);
    expect(readFileSync(join(dir, 'staff-pin.json'), 'utf8')).not.toContain('2222');
  });

  it('reports a damaged file rather than treating it as no PIN', async () => {
    writeFileSync(join(dir, 'staff-pin.json'), '{ not json');
    expect(await readPin(dir)).toEqual({ state: 'unreadable', reason: 'not valid JSON' });
    writeFileSync(join(dir, 'staff-pin.json'), '{"version":1}');
    expect(await readPin(dir)).toMatchObject({ state: 'unreadable' });
  });

  it('can be removed, and says whether there was one', async () => {
    await writePin(dir, await hashPin('4829', FAST));
    expect(await removePin(dir)).toBe(true);
    expect(await removePin(dir)).toBe(false);
    expect(await readPin(dir)).toEqual({ state: 'not-set' });
  });
});
