import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app } from '../electron-mock';
import { bundledContentDir, parseOptions, seedStaffContent, setupUserData } from '../../../src/main/options';

const cwd = resolve('/home/clinic');
const defaults = { cwd, bundledContentDir: resolve('/app/content') };

describe('choosing the content folder', () => {
  it('uses --content DIR', () => {
    const options = parseOptions(['.', '--content', '/data/slides'], {}, defaults);
    expect(options).toMatchObject({ contentDir: resolve('/data/slides'), contentDirSource: 'argument' });
  });

  it('uses --content=DIR', () => {
    expect(parseOptions(['--content=/data/slides'], {}, defaults).contentDir).toBe(resolve('/data/slides'));
  });

  it('resolves a relative folder against the working directory', () => {
    expect(parseOptions(['--content', 'my-content'], {}, defaults).contentDir).toBe(join(cwd, 'my-content'));
  });

  it('prefers the argument over KIOSK_CONTENT_DIR', () => {
    const options = parseOptions(['--content', 'from-arg'], { KIOSK_CONTENT_DIR: 'from-env' }, defaults);
    expect(options.contentDir).toBe(join(cwd, 'from-arg'));
  });

  it('uses KIOSK_CONTENT_DIR when there is no argument, resolved against the working directory', () => {
    const options = parseOptions(['.'], { KIOSK_CONTENT_DIR: 'from-env' }, defaults);
    expect(options).toMatchObject({ contentDir: join(cwd, 'from-env'), contentDirSource: 'environment' });
  });

  it('falls back to the bundled content', () => {
    const options = parseOptions(['.'], { KIOSK_CONTENT_DIR: '  ' }, defaults);
    expect(options).toMatchObject({
      contentDir: resolve('/app/content'),
      contentDirSource: 'bundled',
      warnings: [],
    });
  });

  it('ignores --content without a folder and says so', () => {
    const options = parseOptions(['.', '--content', '--enable-logging'], {}, defaults);
    expect(options.contentDirSource).toBe('bundled');
    expect(options.warnings).toEqual([expect.stringContaining('--content')]);
  });

  it('ignores an empty --content= and says so', () => {
    const options = parseOptions(['--content='], { KIOSK_CONTENT_DIR: '/env' }, defaults);
    expect(options).toMatchObject({ contentDir: resolve('/env'), contentDirSource: 'environment' });
    expect(options.warnings).toHaveLength(1);
  });

  it('uses the last --content when several are given', () => {
    expect(parseOptions(['--content', '/a', '--content=/b'], {}, defaults).contentDir).toBe(resolve('/b'));
  });

  it('does not mistake a similar switch for --content', () => {
    expect(parseOptions(['--contents=/x', '--content-dir', '/y'], {}, defaults).contentDirSource).toBe(
      'bundled',
    );
  });
});

describe('the bundled content folder', () => {
  it('sits beside the app sources in development', () => {
    app.isPackaged = false;
    app.getAppPath.mockReturnValue('/work/kiosk');
    expect(bundledContentDir()).toBe(join('/work/kiosk', 'content'));
  });

  it('sits in the resources folder when packaged', () => {
    app.isPackaged = true;
    const original = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/kiosk/resources', configurable: true });
    try {
      expect(bundledContentDir()).toBe(join('/opt/kiosk/resources', 'content'));
    } finally {
      if (original) Object.defineProperty(process, 'resourcesPath', original);
      else Reflect.deleteProperty(process, 'resourcesPath');
    }
  });
});

describe('the staff content folder of an installed kiosk', () => {
  const staff = { ...defaults, staffContentDir: resolve('/data/clinic-kiosk/content') };

  it('is shown when no folder is given', () => {
    expect(parseOptions(['.'], {}, staff)).toMatchObject({
      contentDir: resolve('/data/clinic-kiosk/content'),
      contentDirSource: 'staff',
    });
  });

  it('gives way to a folder given on the command line or in the environment', () => {
    expect(parseOptions(['--content', '/x'], {}, staff).contentDirSource).toBe('argument');
    expect(parseOptions([], { KIOSK_CONTENT_DIR: '/y' }, staff).contentDirSource).toBe('environment');
  });
});

describe('seeding the staff content folder', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'kiosk-seed-'));
    mkdirSync(join(base, 'bundled', 'slides'), { recursive: true });
    writeFileSync(join(base, 'bundled', 'kiosk.yaml'), 'title: Bundled\n');
    writeFileSync(join(base, 'bundled', 'slides', '01-a.md'), 'bundled slide');
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('copies the bundled content on first start', () => {
    const target = join(base, 'user', 'content');
    mkdirSync(join(base, 'user'));
    expect(seedStaffContent(target, join(base, 'bundled'))).toBe('copied');
    expect(readFileSync(join(target, 'slides', '01-a.md'), 'utf8')).toBe('bundled slide');
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('never overwrites what staff have written', () => {
    const target = join(base, 'content');
    mkdirSync(target);
    writeFileSync(join(target, 'kiosk.yaml'), 'title: Ours\n');
    expect(seedStaffContent(target, join(base, 'bundled'))).toBe('present');
    expect(readFileSync(join(target, 'kiosk.yaml'), 'utf8')).toBe('title: Ours\n');
    expect(existsSync(join(target, 'slides'))).toBe(false);
  });

  it('starts again cleanly after a copy that was cut short', () => {
    const target = join(base, 'content');
    mkdirSync(`${target}.partial`);
    writeFileSync(join(`${target}.partial`, 'leftover.md'), 'half');
    seedStaffContent(target, join(base, 'bundled'));
    expect(existsSync(join(target, 'leftover.md'))).toBe(false);
    expect(existsSync(join(target, 'kiosk.yaml'))).toBe(true);
  });
});

describe('the user-data folder', () => {
  it('is set on the app before anything uses it, from --user-data', () => {
    const argv = process.argv;
    process.argv = ['electron', '.', '--user-data', '/srv/kiosk-data'];
    try {
      app.getPath.mockReturnValue('/home/clinic/.config');
      expect(setupUserData()).toMatchObject({ dir: resolve('/srv/kiosk-data'), source: 'argument' });
      expect(app.setPath).toHaveBeenCalledWith('userData', resolve('/srv/kiosk-data'));
    } finally {
      process.argv = argv;
    }
  });
});
