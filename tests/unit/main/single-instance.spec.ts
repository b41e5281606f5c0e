import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow as FakeBrowserWindow } from '../electron-mock';
import { silenceLog } from './log-support';
import { setupSingleInstance } from '../../../src/main/single-instance';

beforeEach(() => {
  silenceLog();
});

function provide(window: FakeBrowserWindow | undefined): () => BrowserWindow | undefined {
  return () => window as unknown as BrowserWindow | undefined;
}

describe('single instance', () => {
  it('carries on when it is the only kiosk running', () => {
    expect(setupSingleInstance(provide(undefined))).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits and stops setup when a kiosk is already running', () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    expect(setupSingleInstance(provide(undefined))).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the running kiosk forward when started again', () => {
    const window = new FakeBrowserWindow({ show: false });
    window.minimized = true;
    setupSingleInstance(provide(window));
    app.emit('second-instance', { preventDefault: () => undefined }, [], '/', {});
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('ignores a second start before the window exists or after it closed', () => {
    const window = new FakeBrowserWindow();
    window.close();
    setupSingleInstance(provide(window));
    expect(() => app.emit('second-instance', {}, [], '/', {})).not.toThrow();
    expect(window.focus).not.toHaveBeenCalled();
  });
});
