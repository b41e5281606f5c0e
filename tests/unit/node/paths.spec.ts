import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseUserDataDir, defaultAppDataDir } from '../../../src/node/paths';

const home = resolve('/home/clinic');

describe("the platform's application-data folder, as Electron finds it", () => {
  it('is ~/.config on Linux, or XDG_CONFIG_HOME when it is an absolute path', () => {
    expect(defaultAppDataDir('linux', {}, home)).toBe(join(home, '.config'));
    expect(defaultAppDataDir('linux', { XDG_CONFIG_HOME: '/etc/xdg-kiosk' }, home)).toBe('/etc/xdg-kiosk');
    expect(defaultAppDataDir('linux', { XDG_CONFIG_HOME: 'relative' }, home)).toBe(join(home, '.config'));
  });

  it('is APPDATA on Windows', () => {
    expect(defaultAppDataDir('win32', { APPDATA: 'C:\\Users\\k\\AppData\\Roaming' }, home)).toBe(
      'C:\\Users\\k\\AppData\\Roaming',
    );
    expect(defaultAppDataDir('win32', {}, home)).toBe(join(home, 'AppData', 'Roaming'));
  });

  it('is Application Support on macOS', () => {
    expect(defaultAppDataDir('darwin', {}, home)).toBe(join(home, 'Library', 'Application Support'));
  });
});

describe("choosing the kiosk's user-data folder", () => {
  const appData = join(home, '.config');

  it('is named after the app, not the product, by default', () => {
    expect(chooseUserDataDir([], {}, home, appData)).toEqual({
      dir: join(appData, 'clinic-kiosk'),
      source: 'default',
      warnings: [],
    });
  });

  it('takes --user-data first, then KIOSK_USER_DATA_DIR, resolving relative paths', () => {
    const env = { KIOSK_USER_DATA_DIR: 'from-env' };
    expect(chooseUserDataDir(['--user-data=from-arg'], env, home, appData).dir).toBe(join(home, 'from-arg'));
    expect(chooseUserDataDir([], env, home, appData)).toMatchObject({
      dir: join(home, 'from-env'),
      source: 'environment',
    });
  });

  it('ignores --user-data without a folder and says so', () => {
    const choice = chooseUserDataDir(['--user-data', '--content', 'x'], {}, home, appData);
    expect(choice.source).toBe('default');
    expect(choice.warnings).toEqual([expect.stringContaining('--user-data')]);
  });
});
