import { IpcChannel, KIOSK_MODES, type KioskMode } from '../shared/ipc';
import { oneOf, type ArgsParser, type IpcRegistrar } from './ipc';
import { log } from './log';

export interface ModeTracker {
  /** What the page last said it is doing; undefined until it first says. */
  current(): KioskMode | undefined;
  onChange(listener: (mode: KioskMode) => void): () => void;
}

export const parseMode: ArgsParser<typeof IpcChannel.reportMode> = oneOf(KIOSK_MODES);

/** The page reports each change of mode, so the main process never reloads it under a patient's finger. */
export function setupModeTracking(ipc: IpcRegistrar): ModeTracker {
  let mode: KioskMode | undefined;
  const listeners = new Set<(mode: KioskMode) => void>();
  ipc.handle(
    IpcChannel.reportMode,
    (_event, next) => {
      if (next !== mode) {
        mode = next;
        if (next === 'staff') log.info('the staff panel is open');
        for (const listener of listeners) listener(next);
      }
      return undefined;
    },
    parseMode,
  );
  return {
    current: () => mode,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
