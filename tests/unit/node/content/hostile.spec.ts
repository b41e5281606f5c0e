import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem, type ContentState } from '../../../../src/shared/content';
import {
  GOOD_TITLES,
  HOSTILE_FILES,
  makeHostileFolder,
  WITHOUT_PICTURE,
} from '../../../support/hostile-folder';
import { diskFs } from './memory-fs';

let base: string;
let state: ContentState;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'kiosk-hostile-'));
  makeHostileFolder(join(base, 'content'), join(__dirname, '../../../fixtures'));
  state = await loadContent(join(base, 'content'), diskFs);
}, 30_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('a folder with every kind of hostile file', () => {
  it('still shows the good slides, and the slides whose picture was refused without it', () => {
    expect(state.deck?.slides.map((slide) => slide.title)).toEqual([...GOOD_TITLES, ...WITHOUT_PICTURE]);
    const refused = state.deck?.slides.filter((slide) =>
      (WITHOUT_PICTURE as readonly string[]).includes(slide.title),
    );
    expect(refused?.map((slide) => slide.image)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it.each(Object.entries(HOSTILE_FILES))(
    'refuses %s with a located error for that file alone',
    (file, message) => {
      const own = state.problems.filter((problem) => problem.file === file);
      expect(own.map(formatProblem)).toEqual([expect.stringMatching(message)]);
      expect(own[0]?.severity).toBe('error');
    },
  );

  it('reports nothing else', () => {
    const expected = new Set(Object.keys(HOSTILE_FILES));
    expect(state.problems.filter((problem) => !expected.has(problem.file)).map(formatProblem)).toEqual([]);
  });
});
