import { describe, expect, it } from 'vitest';
import { chooseWatch, isWatchMode } from '../../../../src/node/content/watch-mode';

describe('how the content folder is watched', () => {
  it('does as it is told when polling or change events are asked for', async () => {
    expect(await chooseWatch('/anywhere', 'poll')).toMatchObject({ polling: true });
    expect(await chooseWatch('/anywhere', 'events')).toMatchObject({ polling: false });
  });

  it('waits for change events on a local disk', async () => {
    expect(await chooseWatch(__dirname, 'auto', 'linux')).toEqual({
      polling: false,
      reason: 'a local folder',
    });
  });

  it('polls a Windows network share, and a folder whose kind cannot be told', async () => {
    expect(await chooseWatch('\\\\server\\share\\content', 'auto', 'win32')).toMatchObject({ polling: true });
    expect(await chooseWatch('C:\\Kiosk\\content', 'auto', 'win32')).toMatchObject({ polling: false });
    expect(await chooseWatch('/no/such/folder', 'auto', 'linux')).toMatchObject({ polling: true });
  });

  it('knows its three modes and nothing else', () => {
    expect(['auto', 'events', 'poll'].every(isWatchMode)).toBe(true);
    expect(isWatchMode('sometimes')).toBe(false);
  });
});
