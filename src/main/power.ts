import { app, powerSaveBlocker } from 'electron';
import { log } from './log';

export interface PowerControl {
  /** Keep the display awake (inside opening hours) or let it sleep (outside them). */
  keepDisplayAwake(awake: boolean): void;
  isKeepingDisplayAwake(): boolean;
}

/**
 * A waiting-room screen that dims or sleeps during opening hours looks broken: the display is kept
 * awake while the kiosk is open, and allowed to sleep while it is closed.
 */
export function setupPower(): PowerControl {
  let blocker: number | undefined;

  function keepDisplayAwake(awake: boolean): void {
    const holding = blocker !== undefined && powerSaveBlocker.isStarted(blocker);
    if (awake && !holding) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      log.info('display sleep is prevented while the kiosk is open');
    } else if (!awake && holding && blocker !== undefined) {
      powerSaveBlocker.stop(blocker);
      blocker = undefined;
      log.info('the display may sleep while the kiosk is closed');
    }
  }

  keepDisplayAwake(true);
  app.once('will-quit', () => keepDisplayAwake(false));
  return {
    keepDisplayAwake,
    isKeepingDisplayAwake: () => blocker !== undefined && powerSaveBlocker.isStarted(blocker),
  };
}
