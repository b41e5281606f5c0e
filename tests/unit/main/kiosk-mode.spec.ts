import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../../../src/shared/ipc';
import { parseMode, setupModeTracking } from '../../../src/main/kiosk-mode';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import { kioskPage } from './ipc-support';

beforeEach(() => {
  silenceLog();
});

describe('the mode the page reports', () => {
  it('is unknown until the page first reports it', () => {
    expect(setupModeTracking(kioskPage().ipc).current()).toBeUndefined();
  });

  it('is kept and passed on to listeners when it changes', async () => {
    const page = kioskPage();
    const mode = setupModeTracking(page.ipc);
    const listener = vi.fn();
    mode.onChange(listener);
    await page.invoke(IpcChannel.reportMode, 'touch');
    await page.invoke(IpcChannel.reportMode, 'touch');
    expect(mode.current()).toBe('touch');
    expect(listener).toHaveBeenCalledExactlyOnceWith('touch');
  });

  it.each([['sleeping'], [3], [undefined], [{ mode: 'touch' }]])(
    'refuses %j, keeping the last good mode',
    async (bad) => {
      const page = kioskPage();
      const mode = setupModeTracking(page.ipc);
      await page.invoke(IpcChannel.reportMode, 'attract');
      await expect(page.invoke(IpcChannel.reportMode, bad)).rejects.toThrow('refused');
      expect(mode.current()).toBe('attract');
      expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('contents'), {
        channel: IpcChannel.reportMode,
      });
    },
  );

  it('refuses extra arguments', () => {
    expect(parseMode(['touch', 'extra'])).toBeUndefined();
    expect(parseMode(['staff'])).toEqual(['staff']);
  });
});
