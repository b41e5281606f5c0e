import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createKioskApi } from '../../../src/preload/api';
import { IpcChannel } from '../../../src/shared/ipc';
import { ipcRenderer } from '../electron-mock';

const api = () => createKioskApi(ipcRenderer as unknown as IpcRenderer);

describe('window.kiosk', () => {
  it.each([
    ['getContent', [], IpcChannel.getContent, []],
    ['reportMode', ['touch'], IpcChannel.reportMode, ['touch']],
    ['getSchedule', [], IpcChannel.getSchedule, []],
    ['verifyPin', ['4829'], IpcChannel.verifyPin, ['4829']],
    ['getStaffStatus', [], IpcChannel.getStaffStatus, []],
    ['reloadContent', [], IpcChannel.staffAction, ['reload-content']],
    ['restartKiosk', [], IpcChannel.staffAction, ['restart']],
    ['exitKioskMode', [], IpcChannel.staffAction, ['exit-kiosk-mode']],
    ['closeKiosk', [], IpcChannel.staffAction, ['quit']],
    ['updateContent', [], IpcChannel.staffAction, ['update-content']],
    ['endStaffSession', [], IpcChannel.endStaffSession, []],
    [
      'speak',
      [{ language: 'en', parts: [{ kind: 'heading', text: 'Hi' }] }],
      IpcChannel.speak,
      [{ language: 'en', parts: [{ kind: 'heading', text: 'Hi' }] }],
    ],
  ] as const)('%s asks main on its own channel', async (method, args, channel, sent) => {
    ipcRenderer.invoke.mockResolvedValue('answer');
    const call = api()[method] as (...values: readonly unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...sent);
  });

  it.each([
    ['onContentChanged', IpcChannel.contentChanged],
    ['onScheduleChanged', IpcChannel.scheduleChanged],
  ] as const)('%s passes on each event until unsubscribed', (method, channel) => {
    const listener = vi.fn();
    const unsubscribe = api()[method](listener);
    ipcRenderer.emit(channel, {}, { open: false });
    unsubscribe();
    ipcRenderer.emit(channel, {}, { open: true });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ open: false });
    expect(ipcRenderer.listenerCount(channel)).toBe(0);
  });

  it('gives the page named methods only, never ipcRenderer itself', () => {
    const kiosk = api();
    expect(Object.values(kiosk).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.keys(kiosk)).not.toContain('invoke');
  });
});
