import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentFolder } from '../../../src/cli/content-check-command';
import { diskFs as fs } from '../node/content/memory-fs';

const check = (folder: string) => checkContentFolder(resolve(folder), fs);

describe('npm run content:check', () => {
  it('sums up good content in one line and succeeds', async () => {
    expect(await check('content')).toEqual({
      lines: ['OK: 6 slides, 2 languages (English, Spanish), 6 pictures.'],
      exitCode: 0,
    });
  });

  it('prints every error where it is, all in one pass, says what happens meanwhile, and fails', async () => {
    const { lines, exitCode } = await check('tests/fixtures/content-broken');
    expect(exitCode).toBe(1);
    expect(lines).toEqual([
      '7 errors:',
      '  kiosk.yaml:3:22 attract.seconds_per_slide must be at least 2 seconds',
      '  kiosk.yaml:6:3 unknown setting "colour": check the spelling, or remove it',
      // kiosk.yaml's mistakes do not stop the slides being checked.
      '  slides/02-no-title.md:2:1 title is missing: every slide needs a title',
      '  slides/03-no-front-matter.md:1:1 this slide has no front matter: start the file with a line of three dashes (---), then the title: and summary: lines, then another line of ---',
      '  slides/04-bad-image.md:4:8 image "../../secret.png" is outside the content folder: put the picture in the images folder, such as images/picture.png',
      '  slides/05-missing-image.md:4:8 image "images/nowhere.svg" was not found: check the file name, or put the picture in the images folder',
      '  slides/06-bad-yaml.md:3:19 a quote or bracket is opened here but never closed: close it, or put the whole text in quotes',
      'Fix the errors above, save, and check again. Until then the kiosk keeps showing the last content that had no errors.',
    ]);
  });

  it('prints warnings too, and still succeeds when there are only warnings', async () => {
    const { lines, exitCode } = await check('tests/fixtures/content/languages');
    expect(exitCode).toBe(0);
    expect(lines).toEqual([
      '1 warning:',
      '  slides/02-second.md has no Spanish translation yet, so it shows in English there: add slides/02-second.es.md',
      'OK: 3 slides, 2 languages (English, Spanish), 1 picture.',
    ]);
  });

  it('counts the slides’ recordings, and tells of one that cannot be played', async () => {
    expect(await check('tests/fixtures/accessibility')).toEqual({
      lines: ['OK: 3 slides, 3 languages (English, Spanish, Arabic), 1 picture, 1 recording.'],
      exitCode: 0,
    });
    const copy = mkdtempSync(join(tmpdir(), 'kiosk-check-audio-'));
    try {
      cpSync(resolve('tests/fixtures/accessibility'), copy, { recursive: true });
      writeFileSync(join(copy, 'audio/opening-hours.wav'), 'not a sound');
      const { lines, exitCode } = await check(copy);
      expect(exitCode).toBe(1);
      expect(lines.slice(0, 2)).toEqual([
        '1 error:',
        '  slides/03-hours.md:4:8 audio "audio/opening-hours.wav" is not a WAV recording inside, whatever its name says: save it again as WAV from a sound program',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('lists errors before warnings', async () => {
    const { lines, exitCode } = await check('tests/fixtures/content/translation-mistakes');
    expect(exitCode).toBe(1);
    expect(lines[0]).toBe('3 errors:');
    expect(lines[4]).toBe('4 warnings:');
  });

  it('fails for a folder with nothing to show', async () => {
    const { lines, exitCode } = await check('tests/fixtures/does-not-exist');
    expect(exitCode).toBe(1);
    expect(lines[1]).toMatch(/^ {2}\. the content folder .*does-not-exist cannot be found/);
  });
});

describe('npm run content:check on content with times', () => {
  const at = (iso: string) => Date.parse(iso);
  const checkAt = (folder: string, iso: string) => checkContentFolder(resolve(folder), fs, at(iso));

  it('counts the slides shown at set times and the notices', async () => {
    const { lines, exitCode } = await checkAt('tests/fixtures/notices', '2026-12-01T09:00:00Z');
    expect(exitCode).toBe(0);
    expect(lines).toEqual(['OK: 2 slides, 2 languages (English, Spanish), 0 pictures, 2 notices.']);
  });

  it('says when the kiosk is open with no slide to show, with the time', async () => {
    const { lines, exitCode } = await checkAt('tests/fixtures/timed-gaps', '2026-12-07T09:00:00Z');
    // Warnings only: the kiosk shows the content all the same.
    expect(exitCode).toBe(0);
    expect(lines).toEqual([
      '4 warnings:',
      '  slides no slide is shown from Monday 7 December 2026 at 12:00 to 13:00, while the kiosk is open: it shows its standby screen then; give one slide no show: at all, or show: times that cover it',
      '  slides no slide is shown from Tuesday 8 December 2026 at 12:00 to 13:00, while the kiosk is open: it shows its standby screen then; give one slide no show: at all, or show: times that cover it',
      '  slides no slide is shown from Wednesday 9 December 2026 at 12:00 to 13:00, while the kiosk is open: it shows its standby screen then; give one slide no show: at all, or show: times that cover it',
      '  slides and 3 more times like these after that, while the kiosk is open',
      'OK: 2 slides (2 shown at set times), 1 language (English), 0 pictures.',
    ]);
  });

  it('says when no slide will be shown at all from a date on, and which slides and notices are over', async () => {
    const { lines } = await checkAt('tests/fixtures/timed-slides', '2027-01-04T09:00:00Z');
    expect(lines).toEqual([
      '1 warning:',
      '  slides/04-christmas.md show: ended on 2026-12-24, so this slide is no longer shown: delete it, or move it out of the slides folder',
      'OK: 4 slides (3 shown at set times), 1 language (English), 0 pictures.',
    ]);
    const ended = await checkAt('tests/fixtures/notices', '2026-12-11T09:00:00Z');
    expect(ended.lines).toContain(
      '  notices/lift.md ended at the end of 2026-12-10, so this notice is no longer shown: delete it',
    );
  });
});

describe('npm run content:check when every timed slide is over', () => {
  it('says from when on no slide is shown at all', async () => {
    const { lines } = await checkContentFolder(
      resolve('tests/fixtures/timed-gaps-ending'),
      fs,
      Date.parse('2026-12-20T09:00:00Z'),
    );
    expect(lines).toContain(
      '  slides no slide is shown from Friday 25 December 2026 at 00:00 on, while the kiosk is open: it shows its standby screen then; give one slide no show: at all, or show: times that cover it',
    );
  });
});

describe('npm run content:check on slides shown only while the kiosk is closed', () => {
  it('says which slides are never shown while it is open', async () => {
    const { lines } = await checkContentFolder(
      resolve('tests/fixtures/timed-after-hours'),
      fs,
      Date.parse('2026-12-07T09:00:00Z'),
    );
    expect(lines.slice(0, 3)).toEqual([
      '2 warnings:',
      '  slides/02-evening.md is never shown while the kiosk is open: its show: times fall when the kiosk is closed; change them, or the opening hours',
      '  slides/03-sunday.md is never shown while the kiosk is open: its show: times fall when the kiosk is closed; change them, or the opening hours',
    ]);
  });
});
