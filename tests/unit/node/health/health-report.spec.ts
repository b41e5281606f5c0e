import { describe, expect, it } from 'vitest';
import {
  BEHIND_LIMIT_MS,
  healthReport,
  reportText,
  summaryLine,
  type HealthInputs,
} from '../../../../src/node/health/health-report';
import type { ContentState } from '../../../../src/shared/content';
import type { ContentSourceStatus } from '../../../../src/shared/content-source';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const HOUR = 60 * 60_000;
const deck = {
  language: 'en',
  title: 'T',
  slides: [{ id: '01', language: 'en', title: 'A', summary: 'S', seconds: 10, bodyHtml: '' }],
  idleSeconds: 60,
  warningSeconds: 10,
  rotateLanguages: false,
  translations: [],
};
const shown: ContentState = { deck, deckRevision: 'r', standbyTitle: 'T', problems: [] };
const revision = { sha: 'a'.repeat(40), subject: 'Flu season', author: 'Staff', committedAt: NOW - 2 * HOUR };
const source = (changes: Partial<ContentSourceStatus> = {}): ContentSourceStatus => ({
  repository: 'https://git.example/c.git',
  branch: 'main',
  path: 'sites/north',
  signedOnly: false,
  shown: { ...revision, shownAt: NOW - HOUR, shownBy: 'update' },
  newest: revision,
  lastCheckAt: NOW - 60_000,
  lastSuccessAt: NOW - 60_000,
  currentAt: NOW - 60_000,
  failing: null,
  refused: null,
  updating: false,
  ...changes,
});
const inputs = (changes: Partial<HealthInputs> = {}): HealthInputs => ({
  name: 'north',
  version: '1.2.0',
  now: NOW,
  startedAt: NOW - 26 * HOUR,
  content: shown,
  source: source(),
  mode: 'attract',
  recovery: {
    failures: { crashed: 2 },
    reloads: 1,
    windowRecreations: 1,
    crashLoops: 0,
    watchdogReloads: 3,
    gpuCrashes: 0,
  },
  ...changes,
});

describe('the health report', () => {
  it('is up while the kiosk shows its newest content, open, closed or with staff', () => {
    for (const mode of ['attract', 'touch', 'closed', 'staff', 'notice'] as const)
      expect(healthReport(inputs({ mode })).status).toBe('up');
    expect(healthReport(inputs({ mode: 'touch' })).mode).toBe('open');
  });

  it('tells an urgent notice filling the screen apart from the open kiosk', () => {
    expect(healthReport(inputs({ mode: 'notice' })).mode).toBe('notice');
  });

  it('is down while the standby screen shows', () => {
    const report = healthReport(inputs({ content: { ...shown, deck: null, deckRevision: null } }));
    expect(report).toMatchObject({
      status: 'down',
      standby: true,
      reasons: ['the standby screen is showing: there is no content to show'],
    });
  });

  it('is down while the screen shows content with errors, but not while it shows the last good content instead', () => {
    const problems = [{ severity: 'error' as const, file: 'slides/01.md', message: 'title is missing' }];
    expect(healthReport(inputs({ content: { ...shown, problems } })).status).toBe('down');
    expect(healthReport(inputs({ content: { ...shown, problems, fromLastGood: true } })).status).toBe('up');
  });

  it('is down once the content has not been the repository’s newest for an hour, and says why', () => {
    const refused = {
      revision: { ...revision, sha: 'b'.repeat(40) },
      reason: 'has errors',
      withdrawn: false,
    };
    expect(
      healthReport(inputs({ source: source({ refused, currentAt: NOW - BEHIND_LIMIT_MS + 1000 }) })).status,
    ).toBe('up');
    const late = healthReport(
      inputs({ source: source({ refused, currentAt: NOW - BEHIND_LIMIT_MS - 1000 }) }),
    );
    expect(late.status).toBe('down');
    expect(late.reasons).toEqual([
      "the content is not the repository's newest since 2026-03-02 10:59 UTC: revision bbbbbbb was refused (has errors)",
    ]);
    const offline = healthReport(
      inputs({
        source: source({
          currentAt: NOW - 3 * HOUR,
          failing: {
            since: NOW - 3 * HOUR,
            message: 'the repository’s server cannot be reached',
            nextTryAt: null,
          },
        }),
      }),
    );
    expect(offline.reasons[0]).toMatch(
      /not known to be the repository's newest since .*: the repository’s server cannot be reached/,
    );
  });

  it('gives a kiosk just started an hour to reach its repository', () => {
    const report = healthReport(
      inputs({ startedAt: NOW - 10 * 60_000, source: source({ currentAt: NOW - 48 * HOUR }) }),
    );
    expect(report.status).toBe('up');
  });

  it('carries the name, version, revision, last update, problems, mode, uptime and recovery counts', () => {
    const report = healthReport(inputs());
    expect(summaryLine(report)).toBe(
      'north 1.2.0: up, open, revision aaaaaaa (2026-03-02 10:00 UTC), 1 slides, 0 errors, running 1 d 2 h, 2 page failures',
    );
    const text = reportText(report);
    expect(text).toContain('kiosk: north\n');
    expect(text).toContain(`revision: ${'a'.repeat(40)} 2026-03-02 10:00 UTC "Flu season"\n`);
    expect(text).toContain('last update: 2026-03-02 11:59 UTC\n');
    expect(text).toContain('page failures: 2 {"crashed":2}\n');
    expect(text).toContain(
      'recoveries: 1 reloads, 1 new windows, 0 crash loops, 3 watchdog reloads, 0 graphics crashes\n',
    );
  });
});
