import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import afterPack, {
  electronBinaryPath,
  fuseConfig,
  KIOSK_FUSES,
  type PackContext,
} from '../../../scripts/after-pack.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = FuseState.ENABLE;
const OFF = FuseState.DISABLE;

/**
 * Stands in for an Electron binary: some bytes, the fuse sentinel, wire version 1, and Electron's
 * default fuse states (RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, ...).
 */
function fakeElectron(path: string): void {
  const wire = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length, ...wire]),
      Buffer.alloc(64),
    ]),
  );
}

function linuxContext(appOutDir: string): PackContext {
  return {
    appOutDir,
    electronPlatformName: 'linux',
    packager: { executableName: 'clinic-kiosk', appInfo: { productFilename: 'Clinic Kiosk' } },
  };
}

describe('the fuse settings', () => {
  it('turn off running as Node, NODE_OPTIONS, the inspector and file:// privileges, and turn on asar-only and cookie encryption', () => {
    expect(KIOSK_FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(Object.isFrozen(KIOSK_FUSES)).toBe(true);
  });

  it('are what a normal build gets', () => {
    expect(fuseConfig({}, 'linux')).toMatchObject({ version: '1', ...KIOSK_FUSES });
  });

  it.each([
    ['win32', true],
    ['darwin', true],
    ['mas', true],
    ['linux', false],
  ])('check app.asar at start on %s: %s', (platform, on) => {
    expect(fuseConfig({}, platform)[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
  });

  it('leave only the inspector on in a build for the end-to-end tests', () => {
    expect(fuseConfig({ KIOSK_E2E_BUILD: '1' }, 'linux')).toMatchObject({
      ...KIOSK_FUSES,
      [FuseV1Options.EnableNodeCliInspectArguments]: true,
    });
    expect(fuseConfig({ KIOSK_E2E_BUILD: 'yes' }, 'linux')[FuseV1Options.EnableNodeCliInspectArguments]).toBe(
      false,
    );
  });
});

describe('the packaged binary', () => {
  it.each([
    ['linux', join('/out', 'clinic-kiosk')],
    ['win32', join('/out', 'Clinic Kiosk.exe')],
    ['darwin', join('/out', 'Clinic Kiosk.app')],
  ])('is found where electron-builder puts it on %s', (platform, expected) => {
    expect(electronBinaryPath({ ...linuxContext('/out'), electronPlatformName: platform })).toBe(expected);
  });

  it('is refused for a platform without one', () => {
    expect(() => electronBinaryPath({ ...linuxContext('/out'), electronPlatformName: 'aix' })).toThrow(/aix/);
  });
});

describe('the afterPack hook', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-fuses-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('flips the fuses in the packaged binary and leaves the others as they were', async () => {
    fakeElectron(join(dir, 'clinic-kiosk'));
    await afterPack(linuxContext(dir), {});
    const wire = await getCurrentFuseWire(join(dir, 'clinic-kiosk'));
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: OFF,
      [FuseV1Options.EnableCookieEncryption]: ON,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
      [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: OFF,
      [FuseV1Options.OnlyLoadAppFromAsar]: ON,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: OFF,
      [FuseV1Options.WasmTrapHandlers]: ON,
    });
  });

  it('turns on the check of app.asar in the Windows executable', async () => {
    const exe = join(dir, 'Clinic Kiosk.exe');
    fakeElectron(exe);
    await afterPack({ ...linuxContext(dir), electronPlatformName: 'win32' }, {});
    const wire = await getCurrentFuseWire(exe);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
  });

  it('warns, and keeps the inspector on, for an end-to-end test build', async () => {
    fakeElectron(join(dir, 'clinic-kiosk'));
    await afterPack(linuxContext(dir), { KIOSK_E2E_BUILD: '1' });
    const wire = await getCurrentFuseWire(join(dir, 'clinic-kiosk'));
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(ON);
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('Do not ship'));
  });

  it('fails the build when the binary has no fuses to flip', async () => {
    writeFileSync(join(dir, 'clinic-kiosk'), 'not electron');
    await expect(afterPack(linuxContext(dir), {})).rejects.toThrow(/sentinel/);
  });
});
