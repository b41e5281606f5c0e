import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSetPin, type SetPinIo } from '../../../src/cli/set-pin-command';
import { hashPin, pinMatches, readPin, writePin } from '../../../src/node/pin-store';
import { Collector } from '../../support/collector';

const FAST = { N: 1024, r: 8, p: 1, keyLength: 32 };

let base: string;
let out: Collector;
let err: Collector;

function io(stdin: SetPinIo['stdin'], env: Record<string, string> = {}): SetPinIo {
  return { stdin, stdout: out, stderr: err, env, platform: 'linux', cwd: base, home: join(base, 'home') };
}

async function storedPinIs(dir: string, pin: string): Promise<boolean> {
  const stored = await readPin(dir);
  return stored.state === 'set' && (await pinMatches(stored.record, pin));
}

/** A terminal: raw mode can be switched, and keys arrive once the prompt is shown. */
function terminal(...keystrokes: string[]) {
  const stream = Object.assign(new PassThrough(), { isTTY: true, setRawMode: vi.fn() });
  let prompts = 0;
  const write = out.write.bind(out);
  vi.spyOn(out, 'write').mockImplementation((chunk: unknown) => {
    const text = String(chunk);
    if (text.endsWith(': ')) {
      const keys = keystrokes[prompts++];
      if (keys !== undefined) setImmediate(() => stream.write(keys));
    }
    return write(text);
  });
  return stream;
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-set-pin-'));
  out = new Collector();
  err = new Collector();
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('set-pin from a script', () => {
  it('stores the first line of standard input as the PIN, hashed, in the folder given', async () => {
    const dir = join(base, 'data');
    const code = await runSetPin(['--user-data', dir], io(Readable.from(['482913\nignored\n'])), {
      scrypt: FAST,
    });
    expect(code).toBe(0);
    expect(await storedPinIs(dir, '482913')).toBe(true);
    expect(out.text).toContain(join(dir, 'staff-pin.json'));
    expect(out.text).not.toContain('482913');
  });

  it('uses KIOSK_USER_DATA_DIR, resolved against the working folder', async () => {
    const code = await runSetPin([], io(Readable.from(['4829']), { KIOSK_USER_DATA_DIR: 'relative' }), {
      scrypt: FAST,
    });
    expect(code).toBe(0);
    expect(await storedPinIs(join(base, 'relative'), '4829')).toBe(true);
  });

  it("defaults to the kiosk's own folder under the platform's application data", async () => {
    const code = await runSetPin([], io(Readable.from(['4829\n'])), { scrypt: FAST });
    expect(code).toBe(0);
    expect(await storedPinIs(join(base, 'home', '.config', 'clinic-kiosk'), '4829')).toBe(true);
  });

  it('refuses a PIN that is not 4 to 12 digits, and stores nothing', async () => {
    const code = await runSetPin(['--user-data', base], io(Readable.from(['12ab\n'])), { scrypt: FAST });
    expect(code).toBe(1);
    expect(err.text).toMatch(/4 to 12 digits/);
    expect(existsSync(join(base, 'staff-pin.json'))).toBe(false);
  });

  it('refuses empty input', async () => {
    expect(await runSetPin(['--user-data', base], io(Readable.from([''])), { scrypt: FAST })).toBe(1);
  });

  it('removes the PIN with --remove', async () => {
    await writePin(base, await hashPin('4829', FAST));
    const code = await runSetPin(['--user-data', base, '--remove'], io(Readable.from([])));
    expect(code).toBe(0);
    expect(await readPin(base)).toEqual({ state: 'not-set' });
    expect(out.text).toMatch(/removed/);
  });

  it('explains its options with --help', async () => {
    expect(await runSetPin(['--help'], io(Readable.from([])))).toBe(0);
    expect(out.text).toContain('--user-data');
  });

  it('stops at an unknown option or a folder left out, changing nothing', async () => {
    expect(await runSetPin(['--usr-data', base], io(Readable.from(['4829\n'])))).toBe(2);
    expect(await runSetPin(['--user-data'], io(Readable.from(['4829\n'])))).toBe(2);
    expect(err.text).toMatch(/unknown option --usr-data/);
    expect(existsSync(join(base, 'staff-pin.json'))).toBe(false);
  });

  it('inside the app, uses the folder it is given and ignores the app switches', async () => {
    const code = await runSetPin(['.', '--set-pin', '--no-sandbox'], io(Readable.from(['4829\n'])), {
      userDataDir: base,
      scrypt: FAST,
    });
    expect(code).toBe(0);
    expect(await storedPinIs(base, '4829')).toBe(true);
  });

  it('says so when the folder cannot be written, leaving the old PIN in place', async () => {
    await writePin(base, await hashPin('1111', FAST));
    // A folder "inside" a file cannot be created.
    const below = join(base, 'staff-pin.json', 'below');
    const code = await runSetPin(['--user-data', below], io(Readable.from(['4829'])), { scrypt: FAST });
    expect(code).toBe(1);
    expect(err.text).toMatch(/could not write/);
    expect(await storedPinIs(base, '1111')).toBe(true);
  });
});

describe('set-pin at a terminal', () => {
  it('asks twice without echoing, and stores the PIN when both agree', async () => {
    const stdin = terminal('4829\r', '4829\r');
    const code = await runSetPin(['--user-data', base], io(stdin), { scrypt: FAST });
    expect(code).toBe(0);
    expect(stdin.setRawMode).toHaveBeenCalledWith(true);
    expect(stdin.setRawMode).toHaveBeenLastCalledWith(false);
    expect(out.text).not.toContain('4829');
    expect(await storedPinIs(base, '4829')).toBe(true);
  });

  it('lets a typo be erased with backspace', async () => {
    const stdin = terminal('48299\u007f\r', '4829\r');
    expect(await runSetPin(['--user-data', base], io(stdin), { scrypt: FAST })).toBe(0);
    expect(await storedPinIs(base, '4829')).toBe(true);
  });

  it('stores nothing when the two differ', async () => {
    const stdin = terminal('4829\r', '4828\r');
    expect(await runSetPin(['--user-data', base], io(stdin), { scrypt: FAST })).toBe(1);
    expect(err.text).toMatch(/differ/);
    expect(await readPin(base)).toEqual({ state: 'not-set' });
  });

  it('stops on Ctrl+C', async () => {
    const stdin = terminal('48\u0003');
    expect(await runSetPin(['--user-data', base], io(stdin), { scrypt: FAST })).toBe(1);
    expect(stdin.setRawMode).toHaveBeenLastCalledWith(false);
    expect(await readPin(base)).toEqual({ state: 'not-set' });
  });
});
