import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../electron-mock';
import { bundledContentDir, parseOptions } from '../../../src/main/options';

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
