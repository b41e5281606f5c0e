import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { choosePreviewContent, type PreviewSurroundings } from '../../../src/main/preview-options';

let base: string;
let surroundings: PreviewSurroundings;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-preview-options-'));
  for (const folder of ['kiosk-data/content', 'bundled', 'mine'])
    mkdirSync(join(base, folder), { recursive: true });
  surroundings = {
    argv: [],
    env: {},
    cwd: base,
    kioskUserDataDir: join(base, 'kiosk-data'),
    bundledContentDir: join(base, 'bundled'),
    staffContentDir: join(base, 'kiosk-data', 'content'),
  };
  return () => rmSync(base, { recursive: true, force: true });
});

const choose = (changes: Partial<PreviewSurroundings>) =>
  choosePreviewContent({ ...surroundings, ...changes });
const kioskSettings = (text: string) => writeFileSync(join(base, 'kiosk-data', 'kiosk-settings.yaml'), text);

describe('what the preview window shows', () => {
  it('shows the folder given with --content, a path taken from where it was started', async () => {
    expect(await choose({ argv: ['--preview', '--content', 'mine'] })).toEqual({
      ok: true,
      source: { kind: 'folder', dir: join(base, 'mine'), why: 'argument' },
      notes: [],
    });
  });

  it('shows a repository given with --source, with its branch and folder', async () => {
    const choice = await choose({
      argv: ['--preview', '--source', 'https://git.example/c.git', '--branch', 'spring', '--path', 'north'],
    });
    expect(choice).toMatchObject({
      ok: true,
      source: { kind: 'repository', why: 'argument', settings: { branch: 'spring', path: 'north' } },
    });
  });

  it('shows the folder staff opened last time, before what the kiosk shows', async () => {
    kioskSettings('content:\n  source: https://git.example/c.git\n');
    expect(await choose({ rememberedFolder: join(base, 'mine') })).toMatchObject({
      ok: true,
      source: { kind: 'folder', dir: join(base, 'mine'), why: 'remembered' },
    });
  });

  it("shows what this computer's kiosk shows: the repository in its settings", async () => {
    kioskSettings('content:\n  source: https://git.example/c.git\n  path: sites/north\n');
    expect(await choose({})).toMatchObject({
      ok: true,
      source: { kind: 'repository', why: 'kiosk', settings: { path: 'sites/north' } },
      notes: [],
    });
  });

  it("shows what this computer's kiosk shows: KIOSK_CONTENT_DIR, its content folder, else the bundled one", async () => {
    const folder = async (changes: Partial<PreviewSurroundings>) => {
      const choice = await choose(changes);
      return choice.ok && choice.source.kind === 'folder' ? choice.source.dir : undefined;
    };
    expect(await folder({ env: { KIOSK_CONTENT_DIR: 'mine' } })).toBe(join(base, 'mine'));
    expect(await folder({})).toBe(join(base, 'kiosk-data', 'content'));
    // Never written by the preview: before the kiosk's first start, the bundled content is shown.
    rmSync(join(base, 'kiosk-data', 'content'), { recursive: true });
    expect(await folder({})).toBe(join(base, 'bundled'));
    const { staffContentDir: _installedOnly, ...development } = surroundings;
    expect(await choosePreviewContent(development)).toMatchObject({ source: { dir: join(base, 'bundled') } });
  });

  it('says so when the folder opened last time is gone, and shows the kiosk’s content', async () => {
    const gone = join(base, 'usb', 'content');
    const choice = await choose({ rememberedFolder: gone });
    expect(choice).toMatchObject({
      ok: true,
      source: { dir: join(base, 'kiosk-data', 'content'), why: 'kiosk' },
    });
    expect(choice.ok && choice.notes).toEqual([
      `The content folder you opened last time is not there any more: ${gone}. The preview shows this computer's kiosk content instead. Open another with File, Open content folder.`,
    ]);
  });

  it('passes over kiosk settings with mistakes, as the kiosk does, and says where they are', async () => {
    kioskSettings('content:\n  sorce: https://git.example/c.git\n');
    const choice = await choose({});
    expect(choice).toMatchObject({ ok: true, source: { kind: 'folder', why: 'kiosk' } });
    expect(choice.ok && choice.notes[0]).toMatch(
      /^This computer's kiosk settings \(kiosk-settings\.yaml\) have mistakes.*\nkiosk-settings\.yaml:2:3 /s,
    );
  });

  it('takes --at as the moment to show first', async () => {
    expect(await choose({ argv: ['--preview', '--at', '2026-12-07 19:30'] })).toMatchObject({
      ok: true,
      at: { date: '2026-12-07', minute: 19 * 60 + 30 },
    });
  });
});

describe('a command line the preview cannot follow', () => {
  it('refuses a folder that is not there', async () => {
    expect(await choose({ argv: ['--preview', '--content', 'nowhere'] })).toEqual({
      ok: false,
      message: `There is no content folder at ${join(base, 'nowhere')}.`,
    });
  });

  it.each([
    [
      ['--content', 'mine', '--source', 'https://git.example/c.git'],
      'Give either --content (a folder) or --source (a repository), not both.',
    ],
    [['--content'], '--content needs a folder after it.'],
    [['--source', '--preview'], "--source needs a repository's address after it."],
    [
      ['--at', 'tomorrow'],
      '--at must be a date and time written year-month-day hours:minutes, such as 2026-12-07 08:00 (or a date alone) (it was given "tomorrow").',
    ],
    [['--at'], '--at needs a moment, such as "2026-12-07 19:30" after it.'],
    [['--source', 'ftp://git.example/c.git'], /^--source: /],
    [
      ['--branch', 'spring'],
      '--branch and --path choose a branch and a folder of a repository: give the repository with --source',
    ],
  ] as const)('refuses %j in words', async (argv, expected) => {
    const choice = await choose({ argv: ['--preview', ...argv] });
    expect(choice.ok).toBe(false);
    const message = choice.ok ? '' : choice.message;
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('refuses a settings file given with --settings that has mistakes', async () => {
    writeFileSync(join(base, 'other.yaml'), 'content:\n  source: http://git.example/c.git\n');
    const choice = await choose({ argv: ['--preview', '--settings', 'other.yaml'] });
    expect(choice.ok).toBe(false);
    expect(choice.ok ? '' : choice.message).toMatch(/^other\.yaml:2:11 content\.source/);
  });
});
