import { beforeEach, describe, expect, it } from 'vitest';
import { app, powerSaveBlocker } from '../electron-mock';
import { silenceLog } from './log-support';
import { setupPower } from '../../../src/main/power';

beforeEach(() => {
  silenceLog();
});

describe('display sleep', () => {
  it('keeps the display awake while the kiosk runs', () => {
    const power = setupPower();
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(powerSaveBlocker.started.size).toBe(1);
    expect(power.isKeepingDisplayAwake()).toBe(true);
  });

  it('lets the display sleep while the kiosk is closed, and keeps it awake again when it opens', () => {
    const power = setupPower();
    power.keepDisplayAwake(false);
    expect(powerSaveBlocker.started.size).toBe(0);
    expect(power.isKeepingDisplayAwake()).toBe(false);
    power.keepDisplayAwake(true);
    expect(powerSaveBlocker.started.size).toBe(1);
  });

  it('holds one blocker however often it is asked', () => {
    const power = setupPower();
    power.keepDisplayAwake(true);
    power.keepDisplayAwake(true);
    power.keepDisplayAwake(false);
    power.keepDisplayAwake(false);
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(1);
    expect(powerSaveBlocker.stop).toHaveBeenCalledTimes(1);
  });

  it('lets the display sleep again when the app quits', () => {
    setupPower();
    app.emit('will-quit', { preventDefault: () => undefined });
    expect(powerSaveBlocker.stop).toHaveBeenCalledTimes(1);
    expect(powerSaveBlocker.started.size).toBe(0);
  });
});
