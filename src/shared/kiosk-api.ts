import type {
  IpcChannel,
  IpcEventContract,
  IpcInvokeContract,
  KioskMode,
  PageErrorReport,
  SpeechRequest,
} from './ipc';
import type { UsageEvent } from './usage';

type Response<C extends keyof IpcInvokeContract> = Promise<IpcInvokeContract[C]['response']>;
type Unsubscribe = () => void;

/**
 * `window.kiosk`: what the page may ask of the kiosk, one named method per operation. The preload
 * builds it over IPC inside Electron; the page builds the same interface over HTTP in the browser
 * preview (renderer/src/lib/bridge.ts). The page cannot tell which.
 */
export interface KioskApi {
  readonly getContent: () => Response<typeof IpcChannel.getContent>;
  readonly onContentChanged: (
    listener: (state: IpcEventContract[typeof IpcChannel.contentChanged]) => void,
  ) => Unsubscribe;
  /** Tell main what the screen is doing, on every change (and once at start). */
  readonly reportMode: (mode: KioskMode) => Response<typeof IpcChannel.reportMode>;
  readonly getSchedule: () => Response<typeof IpcChannel.getSchedule>;
  readonly onScheduleChanged: (
    listener: (state: IpcEventContract[typeof IpcChannel.scheduleChanged]) => void,
  ) => Unsubscribe;
  /** `pin` must be 4 to 12 digits; anything else is refused (the promise rejects). */
  readonly verifyPin: (pin: string) => Response<typeof IpcChannel.verifyPin>;
  readonly getStaffStatus: () => Response<typeof IpcChannel.getStaffStatus>;
  readonly reloadContent: () => Response<typeof IpcChannel.staffAction>;
  /** Starts the kiosk again from scratch (the app relaunches). */
  readonly restartKiosk: () => Response<typeof IpcChannel.staffAction>;
  /** Leaves kiosk mode and fullscreen, so staff can reach the desktop. */
  readonly exitKioskMode: () => Response<typeof IpcChannel.staffAction>;
  /** Fetches the content repository now, when the content comes from one. */
  readonly updateContent: () => Response<typeof IpcChannel.staffAction>;
  /** Closes the kiosk; an outer supervisor does not restart it (docs/deploy.md). */
  readonly closeKiosk: () => Response<typeof IpcChannel.staffAction>;
  readonly endStaffSession: () => Response<typeof IpcChannel.endStaffSession>;
  /** Writes an error in the page to the kiosk's log (the page's one error handler calls it). */
  readonly reportError: (report: PageErrorReport) => Response<typeof IpcChannel.reportError>;
  /** Adds a batch of events to the kiosk's record of use; the browser preview records nothing. */
  readonly recordUsage: (events: readonly UsageEvent[]) => Response<typeof IpcChannel.recordUsage>;
  /** The record at a glance, for the staff panel. */
  readonly getUsageSummary: () => Response<typeof IpcChannel.getUsageSummary>;
  /** Reads a screen aloud with the computer's own voice: the address of the audio, or why not. */
  readonly speak: (request: SpeechRequest) => Response<typeof IpcChannel.speak>;
}
