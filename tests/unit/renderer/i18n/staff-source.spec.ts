import { describe, expect, it } from 'vitest';
import {
  describeLastUpdate,
  describeRefused,
  describeShown,
} from '../../../../src/renderer/src/i18n/staff-source';
import type { ContentSourceStatus } from '../../../../src/shared/content-source';

const revision = {
  sha: 'a'.repeat(40),
  subject: 'Spring hours',
  author: 'Sam',
  committedAt: Date.UTC(2026, 2, 2, 8),
};
const status: ContentSourceStatus = {
  repository: 'https://git.example/c.git',
  branch: 'main',
  path: '',
  signedOnly: false,
  shown: { ...revision, shownAt: Date.UTC(2026, 2, 2, 8, 5), shownBy: 'update' },
  newest: revision,
  lastCheckAt: Date.UTC(2026, 2, 2, 9),
  lastSuccessAt: Date.UTC(2026, 2, 2, 9),
  currentAt: Date.UTC(2026, 2, 2, 9),
  failing: null,
  refused: null,
  updating: false,
};

describe('the staff panel’s words about the content repository', () => {
  it('says when the kiosk last updated, and that it is up to date', () => {
    expect(describeLastUpdate(status)).toMatch(/^\d+ Mar, \d\d:\d\d: up to date\.$/);
    expect(describeLastUpdate({ ...status, updating: true })).toBe('Updating…');
  });

  it('says since when the repository cannot be reached, why, and when the kiosk tries again', () => {
    const failing = {
      since: Date.UTC(2026, 2, 2, 7),
      message: 'the repository’s server cannot be reached',
      nextTryAt: Date.UTC(2026, 2, 2, 9, 30),
    };
    expect(describeLastUpdate({ ...status, failing })).toMatch(
      /^Could not update since \d+ Mar, \d\d:\d\d: the repository’s server cannot be reached\. It tries again at \d+ Mar, \d\d:\d\d\.$/,
    );
  });

  it('says a revision shown again after the next one was taken off the screen, and why that one was', () => {
    expect(describeShown({ ...status, shown: { ...revision, shownAt: 0, shownBy: 'rollback' } })).toMatch(
      /shown again after the next one was taken off the screen\.$/,
    );
    expect(
      describeRefused({
        revision: { ...revision, sha: 'b'.repeat(40) },
        reason: 'the screen failed 3 times within 10 minutes of showing it',
        withdrawn: true,
      }),
    ).toMatch(
      /^bbbbbbb “Spring hours” by Sam, .* was taken off the screen: the screen failed 3 times within 10 minutes of showing it\. Fix it/,
    );
    expect(describeShown({ ...status, shown: null })).toBe(
      'None yet: the kiosk shows the last content it kept, or its standby screen.',
    );
  });
});
