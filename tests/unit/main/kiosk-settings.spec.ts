import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupKioskSettings } from '../../../src/main/kiosk-settings';
import { log } from '../../../src/main/log';
import type { StartupOptions } from '../../../src/main/options';
import { silenceLog } from './log-support';

let userData: string;
const staffFolder: StartupOptions = {
  contentDir: '/u/content',
  contentDirSource: 'staff',
  watch: 'auto',
  warnings: [],
};

beforeEach(() => {
  silenceLog();
  userData = mkdtempSync(join(tmpdir(), 'kiosk-main-settings-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const settings = (text: string) => writeFileSync(join(userData, 'kiosk-settings.yaml'), text);

describe('the installed kiosk’s settings', () => {
  it('takes the content repository from kiosk-settings.yaml in the user-data folder', async () => {
    settings('name: North\ncontent:\n  source: https://git.example/c.git\n  path: sites/north\n');
    const setup = await setupKioskSettings([], userData, staffFolder);
    expect(setup.repository).toMatchObject({ branch: 'main', path: 'sites/north' });
    expect(setup.settings?.name).toBe('North');
    expect(log.info).toHaveBeenCalledWith('content repository chosen', {
      repository: 'https://git.example/c.git',
      branch: 'main',
      folder: 'sites/north',
    });
  });

  it('shows the folder given with --content rather than the settings file’s repository, and --source over both', async () => {
    settings('content:\n  source: https://git.example/c.git\n');
    const argument: StartupOptions = { ...staffFolder, contentDirSource: 'argument' };
    expect((await setupKioskSettings(['--content', '/x'], userData, argument)).repository).toBeUndefined();
    const flagged = await setupKioskSettings(
      ['--source', 'https://git.example/other.git', '--branch', 'spring'],
      userData,
      argument,
    );
    expect(flagged.repository).toMatchObject({
      address: { url: 'https://git.example/other.git' },
      branch: 'spring',
    });
  });

  it('uses a settings file with mistakes not at all, and logs each mistake where it is', async () => {
    settings('content:\n  source: http://git.example/c.git\n');
    expect(await setupKioskSettings([], userData, staffFolder)).toEqual({});
    expect(log.error).toHaveBeenCalledWith(
      expect.stringMatching(/^kiosk settings: kiosk-settings\.yaml:2:11 content\.source is wrong/),
    );
  });

  it('needs no settings file', async () => {
    expect(await setupKioskSettings([], userData, staffFolder)).toEqual({});
    expect(vi.mocked(log.error)).not.toHaveBeenCalled();
  });
});
