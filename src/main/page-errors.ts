import { createPageErrorLogger, parsePageErrorReport } from '../node/page-errors';
import { systemClock, type Clock } from '../shared/clock';
import { IpcChannel } from '../shared/ipc';
import type { ArgsParser, IpcRegistrar } from './ipc';
import { log } from './log';

export const parsePageError: ArgsParser<typeof IpcChannel.reportError> = (args) => {
  const report = args.length === 1 ? parsePageErrorReport(args[0]) : undefined;
  return report === undefined ? undefined : [report];
};

/** The page's errors reach the kiosk log through this one channel, rate-limited. */
export function setupPageErrors(ipc: IpcRegistrar, clock: Pick<Clock, 'now'> = systemClock): void {
  const write = createPageErrorLogger(log, () => clock.now());
  ipc.handle(
    IpcChannel.reportError,
    (_event, report) => {
      write(report);
      return undefined;
    },
    parsePageError,
  );
}
