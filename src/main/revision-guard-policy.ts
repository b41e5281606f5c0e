import type { ContentSourceStatus } from '../shared/content-source';
import { createEventWindow } from '../shared/event-window';

/**
 * When the screen keeps failing on a revision it has just been given, that revision comes off the
 * screen. Pure: the failures' times and the revision on screen are given.
 *
 * The rule: this many page failures (crashes, hangs, failed loads) within this long of an update
 * putting a new revision on screen. Only a revision an update brought is watched: one shown again
 * after another was taken off is not, so a screen that fails for another reason (its graphics
 * card, say) never walks the kiosk back through every revision it keeps.
 */
export interface RevisionGuardSettings {
  readonly failures: number;
  readonly withinMs: number;
}

export const REVISION_GUARD_DEFAULTS: RevisionGuardSettings = { failures: 3, withinMs: 10 * 60_000 };

export interface RevisionGuardPolicy {
  /** The page failed at `time`: the revision to take off the screen, if this failure decides it. */
  failed(time: number, shown: ContentSourceStatus['shown']): string | undefined;
}

export function createRevisionGuardPolicy(
  settings: RevisionGuardSettings = REVISION_GUARD_DEFAULTS,
): RevisionGuardPolicy {
  const recent = createEventWindow(settings.withinMs);
  let watching: string | undefined;
  return {
    failed(time, shown) {
      if (shown?.shownBy !== 'update' || time - shown.shownAt > settings.withinMs) return undefined;
      if (watching !== shown.sha) {
        watching = shown.sha;
        recent.clear();
      }
      // Failures before the revision was put on screen are not its fault.
      if (time < shown.shownAt) return undefined;
      if (recent.record(time) < settings.failures) return undefined;
      recent.clear();
      return shown.sha;
    },
  };
}
