import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STAFF_CLOSE_EXIT_CODE } from '../../../src/main/staff';

/**
 * electron-builder cannot package here (no Electron binary can be downloaded), so its
 * configuration is checked the ways that need no packaging: against electron-builder's own schema,
 * with its own file matcher, and for what the kiosk relies on.
 */
const root = resolve(__dirname, '../../..');
const require = createRequire(join(root, 'package.json'));

interface FileSet {
  readonly from: string;
  readonly to: string;
}
interface BuilderConfig {
  readonly files: string[];
  readonly extraResources: FileSet[];
  readonly afterPack: string;
  readonly asar: boolean | { readonly disableIntegrity?: boolean };
  readonly disableAsarIntegrity?: boolean;
  readonly productName: string;
  readonly linux: {
    readonly target: string[];
    readonly executableName: string;
    readonly maintainer?: string;
    readonly extraResources: FileSet[];
  };
  readonly win: { readonly target: string[]; readonly extraResources: FileSet[] };
  readonly extraMetadata?: { readonly homepage?: string };
}

const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

/** electron-builder's own test of whether a file of the project goes into app.asar. */
function packagedFilter(): (relativePath: string) => boolean {
  const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
    FileMatcher: new (
      from: string,
      to: string,
      expand: (text: string) => string,
      patterns: string[],
    ) => { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
  };
  const filter = new FileMatcher(root, root, (text) => text, config.files).createFilter();
  return (relativePath) => filter(join(root, relativePath), { isDirectory: () => false });
}

describe('the electron-builder configuration', () => {
  // Compiling electron-builder's schema takes seconds on a busy machine.
  it("passes electron-builder's own schema", { timeout: 60_000 }, async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, debug: { isEnabled: boolean; add(): void }) => Promise<void>;
    };
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, asar: 'maybe' }, { isEnabled: false, add: () => undefined }),
    ).rejects.toThrow(/asar/);
  });

  it('builds an AppImage and a .deb for Linux and an NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    // Packaging goes through `npm run build`, which runs the type check before it builds.
    expect(packageJson.scripts.dist).toMatch(/^npm run build && electron-builder .*--publish never/);
    expect(packageJson.scripts.build).toBe('npm run typecheck && electron-vite build');
  });

  it('has what a .deb requires: a maintainer and a project address', () => {
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//);
  });

  it('ships the bundled content as a resource, outside app.asar', () => {
    expect(config.extraResources).toEqual([{ from: 'content', to: 'content' }]);
    expect(existsSync(join(root, 'content', 'kiosk.yaml'))).toBe(true);
  });

  it('ships the outer supervisor of each platform beside it', () => {
    expect(config.linux.extraResources).toEqual([
      { from: 'resources/clinic-kiosk.service', to: 'systemd/clinic-kiosk.service' },
    ]);
    expect(config.win.extraResources).toEqual([
      { from: 'resources/windows/run-kiosk.ps1', to: 'run-kiosk.ps1' },
    ]);
    for (const { from } of [...config.linux.extraResources, ...config.win.extraResources])
      expect(existsSync(join(root, from))).toBe(true);
  });

  it('flips the fuses after packing, with a hook that exists', async () => {
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    const hook = (await import(join(root, config.afterPack))) as { default: unknown };
    expect(typeof hook.default).toBe('function');
  });

  it("stores app.asar's hash for Electron to check at start (the Windows integrity fuse needs it)", () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).toBeUndefined();
    // Windows has the check from Electron 30.
    const electron = require('electron/package.json') as { version: string };
    expect(Number(electron.version.split('.')[0])).toBeGreaterThanOrEqual(30);
  });

  it.each([
    'package.json',
    'out/main/index.js',
    'out/main/chunks/shared-1234.js',
    'out/preload/index.js',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc.js',
    'out/renderer/assets/font.woff2',
  ])('puts %s in the app', (file) => {
    expect(packagedFilter()(file)).toBe(true);
  });

  it.each([
    'out/main/preview.js',
    'out/main/set-pin.js',
    'out/main/content-check.js',
    'out/electronegativity.csv',
    'src/main/index.ts',
    'tests/unit/setup.ts',
    'content/kiosk.yaml',
    'scripts/start.mjs',
    'docs/deploy.md',
    'dist/Clinic-Kiosk-0.1.0.AppImage',
    'electron-builder.yml',
  ])('leaves %s out of the app', (file) => {
    expect(packagedFilter()(file)).toBe(false);
  });

  it("includes the app's entry point", () => {
    expect(packagedFilter()(packageJson.main)).toBe(true);
  });
});

describe('the systemd user unit', () => {
  const unit = readFileSync(join(root, 'resources/clinic-kiosk.service'), 'utf8');
  const setting = (name: string) =>
    unit
      .split(/\r?\n/)
      .filter((line) => line.startsWith(`${name}=`))
      .map((line) => line.slice(name.length + 1));

  it('restarts the kiosk whenever it stops, and never gives up', () => {
    expect(setting('Restart')).toEqual(['always']);
    expect(setting('StartLimitIntervalSec')).toEqual(['0']);
    expect(Number(setting('RestartSec')[0])).toBeGreaterThan(0);
  });

  it('leaves the kiosk closed when staff close it', () => {
    expect(setting('RestartPreventExitStatus')).toEqual([String(STAFF_CLOSE_EXIT_CODE)]);
  });

  it('starts the command the .deb installs, with the graphical session', () => {
    expect(setting('ExecStart')).toEqual([`/usr/bin/${config.linux.executableName}`]);
    expect(setting('WantedBy')).toEqual(['graphical-session.target']);
  });
});

describe('the Windows supervisor script', () => {
  const script = readFileSync(join(root, 'resources/windows/run-kiosk.ps1'), 'utf8');

  it('starts the installed kiosk again unless staff closed it', () => {
    expect(script).toContain(`$StaffClosed = ${STAFF_CLOSE_EXIT_CODE}`);
    expect(script).toContain(`\\${config.productName}\\${config.productName}.exe`);
    expect(script).toMatch(/while \(\$true\)/);
  });
});
