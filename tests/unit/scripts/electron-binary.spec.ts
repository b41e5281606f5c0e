import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findElectronBinary,
  platformExecutable,
  summarizeInstallError,
} from '../../../scripts/electron-binary.mjs';

let base: string;
let electronDir: string;

function touch(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
  electronDir = join(base, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('platform executable names', () => {
  it.each([
    ['linux', 'electron'],
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ])('knows where the executable is on %s', (platform, name) => {
    expect(platformExecutable(platform)).toBe(name);
  });

  it('has no answer for a platform Electron does not ship for', () => {
    expect(platformExecutable('aix')).toBeUndefined();
  });
});

describe('finding the Electron binary', () => {
  it('reports the installed copy as missing when nothing was downloaded', () => {
    expect(findElectronBinary({ env: {}, electronDir, platform: 'linux' })).toEqual({
      path: join(electronDir, 'dist', 'electron'),
      source: 'installed',
      exists: false,
    });
  });

  it('finds the installed copy through path.txt', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron.exe');
    touch(join(electronDir, 'dist', 'electron.exe'));
    expect(findElectronBinary({ env: {}, electronDir, platform: 'linux' })).toEqual({
      path: join(electronDir, 'dist', 'electron.exe'),
      source: 'installed',
      exists: true,
    });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH with the platform executable name', () => {
    const dist = join(base, 'my-electron');
    touch(join(dist, 'Electron.app', 'Contents', 'MacOS', 'Electron'));
    const found = findElectronBinary({
      env: { ELECTRON_OVERRIDE_DIST_PATH: dist },
      electronDir,
      platform: 'darwin',
    });
    expect(found).toEqual({
      path: join(dist, 'Electron.app/Contents/MacOS/Electron'),
      source: 'override',
      exists: true,
    });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH over ELECTRON_EXEC_PATH and the installed copy', () => {
    const dist = join(base, 'my-electron');
    touch(join(dist, 'electron'));
    touch(join(base, 'other', 'electron'));
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    touch(join(electronDir, 'dist', 'electron'));
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_EXEC_PATH: join(base, 'other', 'electron') };
    expect(findElectronBinary({ env, electronDir, platform: 'linux' }).path).toBe(join(dist, 'electron'));
  });

  it('reports a missing binary in the override folder rather than looking elsewhere', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    touch(join(electronDir, 'dist', 'electron'));
    const env = { ELECTRON_OVERRIDE_DIST_PATH: join(base, 'empty') };
    expect(findElectronBinary({ env, electronDir, platform: 'linux' })).toMatchObject({
      source: 'override',
      exists: false,
    });
  });

  it('uses ELECTRON_EXEC_PATH when there is no override', () => {
    const binary = join(base, 'bin', 'electron');
    touch(binary);
    expect(
      findElectronBinary({ env: { ELECTRON_EXEC_PATH: binary }, electronDir, platform: 'linux' }),
    ).toEqual({
      path: binary,
      source: 'exec-path',
      exists: true,
    });
  });

  it('ignores empty variables', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '', ELECTRON_EXEC_PATH: ' ' };
    expect(findElectronBinary({ env, electronDir, platform: 'linux' }).source).toBe('installed');
  });

  it('does not take a folder for the executable', () => {
    mkdirSync(join(electronDir, 'dist', 'electron'), { recursive: true });
    expect(findElectronBinary({ env: {}, electronDir, platform: 'linux' }).exists).toBe(false);
  });
});

describe('install failure summary', () => {
  it('keeps the error message and drops the stack trace', () => {
    const stderr = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)',
      '',
    ].join('\n');
    expect(summarizeInstallError(stderr)).toBe('TypeError: fetch failed');
  });

  it('says nothing when there is nothing to say', () => {
    expect(summarizeInstallError('')).toBeUndefined();
    expect(summarizeInstallError(null)).toBeUndefined();
  });
});
