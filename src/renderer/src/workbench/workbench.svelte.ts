import { hasErrors, type ContentProblem, type ContentState } from '../../../shared/content';
import type { ScheduleState } from '../../../shared/ipc';
import { wallClock, wallDate } from '../../../shared/wall-clock';
import { reportError } from '../lib/errors';
import type { WorkbenchApi } from './api';
import { workbenchText } from './words';

/** The problems as the workbench lists them: errors first, each kind in the order found. */
export function problemsInOrder(problems: readonly ContentProblem[]): ContentProblem[] {
  return [
    ...problems.filter((problem) => problem.severity === 'error'),
    ...problems.filter((problem) => problem.severity !== 'error'),
  ];
}

/** `2026-12-07` and `19:30`: the kiosk's wall clock at `instant`, as the date and time fields take it. */
export function wallFields(instant: number, timeZone: string): { date: string; time: string } {
  const clock = wallClock(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    date: wallDate(clock),
    time: `${pad(Math.floor(clock.minuteOfDay / 60))}:${pad(clock.minuteOfDay % 60)}`,
  };
}

/**
 * What the workbench shows beside the kiosk: the content's problems and the moment shown, both
 * followed live on the preview's event stream (the kiosk page in the frame follows its own).
 */
export class WorkbenchModel {
  content = $state.raw<ContentState | undefined>(undefined);
  schedule = $state.raw<ScheduleState | undefined>(undefined);
  /** What the preview shows: a folder's path, or a repository. */
  source = $state<string | undefined>(undefined);
  /** Why the last moment asked for was not shown, in plain words. */
  momentError = $state<string | undefined>(undefined);
  /** A moment is being asked for: its buttons wait. */
  busy = $state(false);
  readonly #api: WorkbenchApi;

  constructor(api: WorkbenchApi) {
    this.#api = api;
  }

  get problems(): ContentProblem[] {
    return problemsInOrder(this.content?.problems ?? []);
  }

  /** One sentence on what the problems mean for the screen. */
  get consequence(): string | undefined {
    const content = this.content;
    if (content === undefined || content.problems.length === 0) return undefined;
    if (!hasErrors(content.problems)) return workbenchText.warningsOnly;
    if (content.fromLastGood === true) return workbenchText.keptLastGood;
    if (content.deck === null) return workbenchText.nothingShown;
    return workbenchText.errorsShown;
  }

  /** Follows the preview; returns the function that stops. */
  start(): () => void {
    const stopContent = this.#api.onContentChanged((state) => (this.content = state));
    const stopSchedule = this.#api.onScheduleChanged((state) => (this.schedule = state));
    this.#api.getContent().then(
      (state) => (this.content ??= state),
      (error: unknown) => reportError(error, 'reading the content for the workbench'),
    );
    this.#api.getSchedule().then(
      (state) => (this.schedule ??= state),
      (error: unknown) => reportError(error, 'reading the schedule for the workbench'),
    );
    this.#api.about().then(
      (about) => (this.source = about.source),
      (error: unknown) => reportError(error, 'asking the preview what it shows'),
    );
    return () => {
      stopContent();
      stopSchedule();
    };
  }

  /** Shows the kiosk at `date` (`YYYY-MM-DD`) and `time` (`HH:MM`, or empty: the start of the day). */
  showMoment(date: string, time: string): Promise<void> {
    if (date.trim() === '') {
      this.momentError = workbenchText.chooseDate;
      return Promise.resolve();
    }
    return this.#ask(time.trim() === '' ? date.trim() : `${date.trim()} ${time.trim()}`);
  }

  backToNow(): Promise<void> {
    return this.#ask(null);
  }

  async #ask(at: string | null): Promise<void> {
    this.busy = true;
    try {
      const answer = await this.#api.showMoment(at);
      if (answer.ok) {
        this.schedule = answer.schedule;
        this.momentError = undefined;
      } else {
        this.momentError = answer.message;
      }
    } catch (error) {
      reportError(error, 'asking the preview for another moment');
      this.momentError = workbenchText.noAnswer;
    } finally {
      this.busy = false;
    }
  }
}
