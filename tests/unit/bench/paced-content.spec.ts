import fs from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePacedContent } from '../../../bench/lib/paced-content.mjs';
import { nodeContentFileSystem } from '../../../src/node/content/file-system';
import { loadContent } from '../../../src/node/content/load';
import { systemClock } from '../../../src/shared/clock';

const BUNDLED = join(__dirname, '../../../content');
/** The kiosk's own way of reading a folder. */
const contentFs = nodeContentFileSystem(systemClock, 5_000);

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'kiosk-paced-content-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('the 2 s copy of a content folder', () => {
  it('shows every slide of the bundled content, in every language, for 2 s, as the kiosk loads it', async () => {
    const original = await loadContent(BUNDLED, contentFs);
    const dir = await writePacedContent(join(folder, 'content-2s'), BUNDLED, 2);
    const { deck, problems } = await loadContent(dir, contentFs);
    expect(problems).toEqual([]);
    const seconds = [deck, ...(deck?.translations ?? [])].flatMap(
      (edition) => edition?.slides.map((slide) => slide.seconds) ?? [],
    );
    expect(seconds.length).toBeGreaterThan(0);
    expect(new Set(seconds)).toEqual(new Set([2]));
    expect(deck?.slides.map((slide) => slide.title)).toEqual(
      original.deck?.slides.map((slide) => slide.title),
    );
  });

  it('changes only the time on screen: the setting, and the seconds lines of the slides’ front matter', async () => {
    const source = join(folder, 'source');
    await fs.mkdir(join(source, 'slides'), { recursive: true });
    const settings =
      'languages: [en]\nattract:\n  # 2 to 600\n  seconds_per_slide: 10\n  languages: default\n';
    const own = '---\ntitle: Own time\nseconds: 12\nsummary: S\n---\nseconds: in the text stays\n';
    const plain = '---\ntitle: Plain\nsummary: S\n---\nText.\n';
    await fs.writeFile(join(source, 'kiosk.yaml'), settings);
    await fs.writeFile(join(source, 'slides/01-own.md'), own);
    await fs.writeFile(join(source, 'slides/02-plain.md'), plain);

    const dir = await writePacedContent(join(folder, 'copy'), source, 2);
    const read = (path: string) => readFileSync(join(dir, path), 'utf8');
    expect(read('kiosk.yaml')).toEqual(settings.replace('seconds_per_slide: 10', 'seconds_per_slide: 2'));
    expect(read('slides/01-own.md')).toEqual(
      '---\ntitle: Own time\nsummary: S\n---\nseconds: in the text stays\n',
    );
    expect(read('slides/02-plain.md')).toEqual(plain);
  });

  it('refuses a folder whose kiosk.yaml has no time per slide to change', async () => {
    const source = join(folder, 'source');
    await fs.mkdir(join(source, 'slides'), { recursive: true });
    await fs.writeFile(join(source, 'kiosk.yaml'), 'languages: [en]\n');
    await expect(writePacedContent(join(folder, 'copy'), source, 2)).rejects.toThrow(/seconds_per_slide/);
  });
});
