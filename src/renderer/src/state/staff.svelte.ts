import { systemClock, type Clock, type TimerHandle } from '../../../shared/clock';
import type { KioskApi } from '../../../shared/kiosk-api';
import type { PinCheck, StaffStatus } from '../../../shared/ipc';
import type { UsageSummary } from '../../../shared/usage';
import { staffText } from '../i18n/staff';
import { reportError } from '../lib/errors';

export type StaffApi = Pick<
  KioskApi,
  | 'verifyPin'
  | 'getStaffStatus'
  | 'getUsageSummary'
  | 'reloadContent'
  | 'restartKiosk'
  | 'exitKioskMode'
  | 'closeKiosk'
  | 'endStaffSession'
  | 'updateContent'
>;
export type StaffCommand =
  'reloadContent' | 'restartKiosk' | 'exitKioskMode' | 'closeKiosk' | 'updateContent';

/** The PIN pad and the staff panel close themselves after this long without a touch. */
export const STAFF_IDLE_MS = 60_000;

/** The hidden staff area: closed, asking for the PIN, or showing the panel. */
export class StaffModel {
  phase = $state<'closed' | 'pin' | 'panel'>('closed');
  message = $state('');
  busy = $state(false);
  status = $state.raw<StaffStatus | undefined>(undefined);
  /** The record of use at a glance; undefined until it arrives, or when it cannot be read. */
  usage = $state.raw<UsageSummary | undefined>(undefined);
  readonly #api: StaffApi;
  readonly #clock: Clock;
  #idleTimer: TimerHandle | undefined;

  constructor(api: StaffApi, clock: Clock = systemClock) {
    this.#api = api;
    this.#clock = clock;
  }

  get isOpen(): boolean {
    return this.phase !== 'closed';
  }

  open = (): void => {
    this.phase = 'pin';
    this.message = '';
    this.activity();
  };

  /** Any touch or key while open keeps it open for another minute. */
  activity = (): void => {
    this.#clock.clearTimeout(this.#idleTimer);
    if (this.phase === 'closed') return;
    this.#idleTimer = this.#clock.setTimeout(this.close, STAFF_IDLE_MS);
  };

  submitPin = async (pin: string): Promise<void> => {
    this.busy = true;
    this.message = '';
    try {
      const check = await this.#api.verifyPin(pin);
      if (check.result === 'ok') {
        this.phase = 'panel';
        await this.refresh();
      } else {
        this.message = this.#explain(check);
      }
    } catch {
      this.message = staffText.unavailable;
    } finally {
      this.busy = false;
    }
  };

  refresh = async (): Promise<void> => {
    try {
      const reply = await this.#api.getStaffStatus();
      if (reply.ok) {
        this.status = reply.status;
        void this.#readUsage();
      } else {
        this.phase = 'pin';
        this.message = staffText.sessionEnded;
      }
    } catch (error) {
      reportError(error, 'reading the staff status');
      this.message = staffText.failed;
    }
  };

  run = async (command: StaffCommand): Promise<void> => {
    this.busy = true;
    try {
      const reply = await this.#api[command]();
      if (!reply.ok) {
        this.phase = 'pin';
        this.message = staffText.sessionEnded;
        return;
      }
      this.message = staffText.done;
      await this.refresh();
    } catch (error) {
      reportError(error, `the staff action ${command}`);
      this.message = staffText.failed;
    } finally {
      this.busy = false;
    }
  };

  /** Read apart from the status: a record that cannot be read leaves the rest of the panel as it is. */
  async #readUsage(): Promise<void> {
    try {
      const reply = await this.#api.getUsageSummary();
      this.usage = reply.ok ? reply.summary : undefined;
    } catch (error) {
      reportError(error, 'reading the record of use');
    }
  }

  close = (): void => {
    const wasPanel = this.phase === 'panel';
    this.#clock.clearTimeout(this.#idleTimer);
    this.phase = 'closed';
    this.message = '';
    this.status = undefined;
    this.usage = undefined;
    if (wasPanel)
      this.#api.endStaffSession().catch((error: unknown) => reportError(error, 'ending the staff session'));
  };

  #explain(check: Exclude<PinCheck, { result: 'ok' }>): string {
    if (check.result === 'not-set') return staffText.notSet;
    if (check.lockedUntil === null) return staffText.wrongPin;
    const minutes = Math.max(1, Math.ceil((check.lockedUntil - this.#clock.now()) / 60_000));
    return staffText.lockedFor(minutes);
  }
}
