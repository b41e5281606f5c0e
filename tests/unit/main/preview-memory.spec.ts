import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_MEMORY_FILE, readRememberedFolder, rememberFolder } from '../../../src/main/preview-memory';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-preview-memory-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

const file = () => join(dir, PREVIEW_MEMORY_FILE);

describe('the folder the preview remembers', () => {
  it('is none at first, then the one staff opened, then none again once they go back to the kiosk’s', async () => {
    expect(await readRememberedFolder(dir)).toBeUndefined();
    const folder = join(dir, 'clinic', 'content');
    await rememberFolder(join(dir, 'new'), folder);
    expect(await readRememberedFolder(join(dir, 'new'))).toBe(folder);
    await rememberFolder(join(dir, 'new'), undefined);
    expect(await readRememberedFolder(join(dir, 'new'))).toBeUndefined();
  });

  it('is written whole, as JSON staff can read', async () => {
    await rememberFolder(dir, '/srv/clinic/content');
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ contentFolder: '/srv/clinic/content' });
  });

  it.each([
    ['not JSON', '{"contentFolder": "/srv/'],
    ['a list', '["/srv/clinic"]'],
    ['a number', '{"contentFolder": 3}'],
    ['a relative path', '{"contentFolder": "content"}'],
    ['a path longer than any real one', JSON.stringify({ contentFolder: `/${'a'.repeat(5000)}` })],
    ['a huge file', JSON.stringify({ contentFolder: '/srv/clinic', padding: 'x'.repeat(20_000) })],
  ])('is none when the file holds %s', async (_what, text) => {
    writeFileSync(file(), text);
    expect(await readRememberedFolder(dir)).toBeUndefined();
  });

  it('is none, at once, when a pipe stands where the file should be', async () => {
    execFileSync('mkfifo', [file()]);
    expect(await readRememberedFolder(dir)).toBeUndefined();
  });

  it('is none when a folder stands where the file should be', async () => {
    mkdirSync(file());
    expect(await readRememberedFolder(dir)).toBeUndefined();
  });
});
