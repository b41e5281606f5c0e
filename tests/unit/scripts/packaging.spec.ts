import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PREVIEW_FLAG } from '../../../src/main/preview-options';
import { PREVIEW_WINDOW_TITLE } from '../../../src/main/preview-window';
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
  readonly deb: { readonly fpm?: string[] };
  readonly nsis: { readonly include?: string; readonly perMachine?: boolean };
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

/**
 * The installers' "Clinic Kiosk Preview" shortcut. The installers cannot be built here; what
 * they are given is checked instead: the .deb's second menu entry with the freedesktop
 * validator, and the NSIS script compiled by makensis (Debian packages desktop-file-utils and
 * nsis, from scripts/install-debian-packages.sh).
 */
describe('the "Clinic Kiosk Preview" shortcut', () => {
  /** What desktop-file-validate prints about `file` (it prints to standard output). */
  const validatorSays = (file: string): string => {
    try {
      return execFileSync('desktop-file-validate', [file], { encoding: 'utf8' });
    } catch (error) {
      return String((error as { stdout?: unknown }).stdout);
    }
  };
  const launcher = `/opt/${config.productName}/${config.linux.executableName}`;

  describe('in the .deb', () => {
    const mapping = (config.deb.fpm ?? [])
      .map((arg) => arg.split('='))
      .find(([, to]) => to?.endsWith('.desktop'));
    const [from = '', to = ''] = mapping ?? [];
    const entry = existsSync(join(root, from)) ? readFileSync(join(root, from), 'utf8') : '';
    const key = (name: string) =>
      entry
        .split('\n')
        .filter((line) => line.startsWith(`${name}=`))
        .map((line) => line.slice(name.length + 1));

    it("is installed as a second application menu entry, beside the kiosk's own", () => {
      expect(to).toBe('/usr/share/applications/clinic-kiosk-preview.desktop');
      expect(existsSync(join(root, from))).toBe(true);
    });

    it('is named for staff and runs the installed app with --preview, in no terminal', () => {
      expect(key('Name')).toEqual([PREVIEW_WINDOW_TITLE]);
      // Where the .deb puts the app (electron-builder: /opt/<product name>/<executable name>).
      expect(key('Exec')).toEqual([`"${launcher}" ${PREVIEW_FLAG}`]);
      expect(key('Terminal')).toEqual(['false']);
      expect(key('Icon')).toEqual([config.linux.executableName]);
    });

    it('passes the freedesktop validator (desktop-file-validate)', () => {
      expect(validatorSays(join(root, from))).toBe('');
      const broken = mkdtempSync(join(tmpdir(), 'desktop-'));
      try {
        const file = join(broken, 'broken.desktop');
        writeFileSync(file, entry.replace('Type=Application\n', ''));
        // It can fail: a file without its type is refused, saying so.
        expect(() => execFileSync('desktop-file-validate', [file], { stdio: 'pipe' })).toThrow();
        expect(validatorSays(file)).toMatch(/required key "Type"/);
      } finally {
        rmSync(broken, { recursive: true, force: true });
      }
    });
  });

  describe('in the Windows installer', () => {
    const include = config.nsis.include ?? '';
    const script = existsSync(join(root, include)) ? readFileSync(join(root, include), 'utf8') : '';
    const macro = (name: string) =>
      new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(script)?.[1] ?? '';

    it('is made on the desktop and in the Start menu, running the app with --preview', () => {
      expect(include).toBe('resources/windows/installer.nsh');
      expect(script).toContain(`!define PREVIEW_SHORTCUT_NAME "${PREVIEW_WINDOW_TITLE}"`);
      expect(script).toContain(`!define PREVIEW_ARGUMENTS "${PREVIEW_FLAG}"`);
      const install = macro('customInstall');
      for (const folder of ['$DESKTOP', '$SMPROGRAMS'])
        expect(install).toContain(
          `CreateShortCut "${folder}\\\${PREVIEW_SHORTCUT_NAME}.lnk" "$appExe" "\${PREVIEW_ARGUMENTS}"`,
        );
      // For every user of the computer: the installer sets the shell's folders for all users.
      expect(config.nsis.perMachine).toBe(true);
    });

    it('is removed on uninstall, and kept through an update', () => {
      const uninstall = macro('customUnInstall');
      expect(uninstall).toMatch(/\$\{ifNot\} \$\{isUpdated\}/);
      for (const folder of ['$DESKTOP', '$SMPROGRAMS'])
        expect(uninstall).toContain(`Delete "${folder}\\\${PREVIEW_SHORTCUT_NAME}.lnk"`);
    });

    it(
      "compiles with makensis inside a script that gives it what electron-builder's would",
      { timeout: 60_000 },
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'nsis-'));
        try {
          const harness = join(dir, 'harness.nsi');
          writeFileSync(
            harness,
            [
              'Unicode true',
              '!include LogicLib.nsh',
              // electron-builder's own test (is the uninstaller run by an update?), as a constant here.
              '!define isUpdated \'"" == "updated"\'',
              'Var appExe',
              `!include "${join(root, include)}"`,
              `OutFile "${join(dir, 'Clinic-Kiosk-Preview-Test.exe')}"`,
              'RequestExecutionLevel user',
              'Section',
              '  StrCpy $appExe "$INSTDIR\\Clinic Kiosk.exe"',
              '  !insertmacro customInstall',
              `  WriteUninstaller "${join(dir, 'uninstall.exe')}"`,
              'SectionEnd',
              'Section "un.Uninstall"',
              '  !insertmacro customUnInstall',
              'SectionEnd',
              '',
            ].join('\n'),
          );
          const output = execFileSync('makensis', ['-V2', '-WX', harness], { encoding: 'utf8' });
          expect(output).not.toMatch(/warning/i);
          expect(existsSync(join(dir, 'Clinic-Kiosk-Preview-Test.exe'))).toBe(true);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
});
