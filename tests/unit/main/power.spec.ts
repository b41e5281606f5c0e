import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, powerSaveBlocker } from '../electron-mock';
import { log } from '../../../src/main/log';
import { setupPower } from '../../../src/main/power';

beforeEach(() => {
  vi.spyOn(log, 'info').mockImplementation(() => undefined);
});

describe('display sleep', () => {
  it('keeps the display awake while the kiosk runs', () => {
    setupPower();
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(powerSaveBlocker.started.size).toBe(1);
  });

  it('lets the display sleep again when the app quits', () => {
    setupPower();
    app.emit('will-quit', { preventDefault: () => undefined });
    expect(powerSaveBlocker.stop).toHaveBeenCalledTimes(1);
    expect(powerSaveBlocker.started.size).toBe(0);
  });
});
