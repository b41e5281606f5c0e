import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseSource } from '../../../../src/node/source/source-options';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-source-options-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const settingsFile = (text: string) => {
  writeFileSync(join(folder, 'kiosk-settings.yaml'), text);
  return 'kiosk-settings.yaml';
};

describe('choosing where the content comes from', () => {
  it('takes --source, --branch and --path, with the defaults for the rest', async () => {
    const choice = await chooseSource({ source: 'https://git.example/c.git', path: 'sites/north' }, folder);
    expect(choice.problems).toEqual([]);
    expect(choice.repository).toMatchObject({
      branch: 'main',
      path: 'sites/north',
      updateMs: 300_000,
      address: { transport: 'https' },
    });
  });

  it('takes the repository from the settings file, where the command line may change its branch and folder', async () => {
    const file = settingsFile(
      'ca_file: ca.pem\ncontent:\n  source: https://git.example/c.git\n  token_file: token\n  update_minutes: 1\n',
    );
    const choice = await chooseSource({ settingsFile: file, branch: 'spring', path: 'sites/south' }, folder);
    expect(choice.repository).toMatchObject({
      branch: 'spring',
      path: 'sites/south',
      updateMs: 60_000,
      tokenFile: join(folder, 'token'),
      caFile: join(folder, 'ca.pem'),
    });
  });

  it('keeps the settings file’s token and certificate authority for another --source', async () => {
    const file = settingsFile(
      'ca_file: ca.pem\ncontent:\n  source: https://git.example/c.git\n  token_file: token\n',
    );
    const choice = await chooseSource(
      { settingsFile: file, source: 'https://git.example/other.git' },
      folder,
    );
    expect(choice.repository).toMatchObject({
      address: { url: 'https://git.example/other.git' },
      tokenFile: join(folder, 'token'),
      caFile: join(folder, 'ca.pem'),
    });
  });

  it('uses no repository without --source or content: in the settings', async () => {
    expect(await chooseSource({}, folder)).toEqual({ problems: [] });
  });

  it('says what is wrong with the options or the settings file, located', async () => {
    expect((await chooseSource({ source: 'file:///srv/c.git' }, folder)).problems).toEqual([
      expect.stringMatching(/^--source: "file:\/\/\/srv\/c\.git" is not an address/),
    ]);
    expect((await chooseSource({ path: 'sites/north' }, folder)).problems).toEqual([
      expect.stringMatching(/^--branch and --path choose a branch and a folder of a repository/),
    ]);
    const file = settingsFile('content:\n  sorce: https://git.example/c.git\n');
    expect((await chooseSource({ settingsFile: file }, folder)).problems).toEqual([
      'kiosk-settings.yaml:2:3 content.source is missing: the kiosk settings needs a content.source',
      'kiosk-settings.yaml:2:3 unknown setting "sorce": check the spelling, or remove it',
    ]);
  });
});
