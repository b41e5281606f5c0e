import type { ContentSource } from '../node/source/repository-content';
import { systemClock, type Clock } from '../shared/clock';
import { shortSha } from '../shared/content-source';
import { describeError, log } from './log';
import type { KioskWindows } from './recovery';
import {
  createRevisionGuardPolicy,
  REVISION_GUARD_DEFAULTS,
  type RevisionGuardSettings,
} from './revision-guard-policy';

export interface RevisionGuardOptions {
  readonly source: ContentSource;
  readonly windows: KioskWindows;
  readonly clock?: Clock;
  readonly settings?: RevisionGuardSettings;
}

/**
 * Watches the page after each new revision of the content repository: if it keeps failing on it
 * (revision-guard-policy.ts), the revision comes off the screen for good and the one before it
 * shows again, with no one at the kiosk.
 */
export function setupRevisionGuard(options: RevisionGuardOptions): void {
  const clock = options.clock ?? systemClock;
  const settings = options.settings ?? REVISION_GUARD_DEFAULTS;
  const policy = createRevisionGuardPolicy(settings);
  options.windows.onFailure((reason) => {
    const sha = policy.failed(clock.now(), options.source.status().shown);
    if (sha === undefined) return;
    const why = `the screen failed ${settings.failures} times within ${Math.round(settings.withinMs / 60_000)} minutes of showing it (the last time: ${reason})`;
    log.error('the screen keeps failing on a new revision of the content: taking it off the screen', {
      revision: shortSha(sha),
      reason,
    });
    options.source.withdraw(sha, why).catch((error: unknown) => {
      log.error('the revision could not be taken off the screen', { error: describeError(error) });
    });
  });
}
