import { app, powerSaveBlocker } from 'electron';
import { log } from './log';

/** A waiting-room screen that dims or sleeps looks broken: keep the display awake while the app runs. */
export function setupPower(): void {
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  app.once('will-quit', () => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  });
  log.info('display sleep is prevented while the kiosk runs');
}
