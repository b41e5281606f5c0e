import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizedJoin } from '../../../../src/node/content/include';
import { loadContent } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { diskFs, pictureUrl, png, slide } from './memory-fs';

let repo: string;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'kiosk-include-'));
});
afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

function write(files: Record<string, string | Uint8Array>): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(repo, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** A repository with a shared folder and one site that takes slides from it. */
function sharedAndNorth(include = '../../common'): void {
  write({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'common/slides/05-hand-washing.md': slide('Wash your hands', 'image: images/soap.png\n'),
    'common/slides/05-hand-washing.es.md': slide('Lávese las manos'),
    'common/slides/90-opening-hours.md': slide('Shared opening hours'),
    'common/images/soap.png': png(10, 10),
    'sites/north/kiosk.yaml': `title: North clinic\nlanguages: [en, es]\ninclude: ${include}\n`,
    'sites/north/slides/01-welcome.md': slide('Welcome to North'),
    'sites/north/slides/01-welcome.es.md': slide('Bienvenidos al Norte'),
  });
}

async function load(site = 'sites/north', repositoryRoot?: string) {
  const state = await loadContent(
    join(repo, site),
    diskFs,
    repositoryRoot === undefined ? {} : { repositoryRoot },
  );
  return { ...state, messages: state.problems.map(formatProblem) };
}

describe('shared slides from another folder of the repository (include:)', () => {
  it('shows the site’s slides and the shared ones together, in file-name order, in every language', async () => {
    sharedAndNorth();
    const { deck, messages } = await load();
    expect(messages.filter((message) => !message.includes('translation yet'))).toEqual([]);
    expect(deck?.slides.map((s) => s.title)).toEqual([
      'Welcome to North',
      'Wash your hands',
      'Shared opening hours',
    ]);
    expect(deck?.translations[0]?.slides.map((s) => s.title)).toEqual([
      'Bienvenidos al Norte',
      'Lávese las manos',
      'Shared opening hours',
    ]);
  });

  it('gives a shared slide’s picture an address of its own, apart from the site’s pictures', async () => {
    sharedAndNorth();
    const { deck } = await load();
    expect(deck?.slides[1]?.image).toEqual(pictureUrl('content/@include-1/images/soap.png'));
  });

  it('names a shared file’s problems from the site’s folder, so staff can find it', async () => {
    sharedAndNorth();
    write({ 'common/slides/90-opening-hours.md': '---\nsummary: No title.\n---\n' });
    const { messages, deck } = await load();
    expect(messages).toContain(
      '../../common/slides/90-opening-hours.md:2:1 title is missing: every slide needs a title',
    );
    expect(deck?.slides.map((s) => s.title)).toEqual(['Welcome to North', 'Wash your hands']);
  });

  it('lets a site replace a shared slide by giving its own slide the same file name', async () => {
    sharedAndNorth();
    write({ 'sites/north/slides/90-opening-hours.md': slide('North opening hours') });
    const { deck } = await load();
    expect(deck?.slides.map((s) => s.title)).toEqual([
      'Welcome to North',
      'Wash your hands',
      'North opening hours',
    ]);
  });

  it('shows shared slides only when the site has no slides folder of its own', async () => {
    sharedAndNorth();
    rmSync(join(repo, 'sites/north/slides'), { recursive: true });
    const { deck, problems } = await load();
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(deck?.slides.map((s) => s.title)).toEqual(['Wash your hands', 'Shared opening hours']);
  });

  it('refuses a folder outside the repository, at the include: line', async () => {
    sharedAndNorth('../../../elsewhere');
    mkdirSync(join(dirname(repo), 'elsewhere', 'slides'), { recursive: true });
    try {
      const { messages, deck } = await load();
      expect(messages).toContain(
        'kiosk.yaml:3:10 include: "../../../elsewhere" is outside the repository: shared folders must be in the same repository',
      );
      expect(deck?.slides.map((s) => s.title)).toEqual(['Welcome to North']);
    } finally {
      rmSync(join(dirname(repo), 'elsewhere'), { recursive: true, force: true });
    }
  });

  it('refuses a link that leads out of the repository, however it is named', async () => {
    sharedAndNorth('../../linked');
    const outside = mkdtempSync(join(tmpdir(), 'kiosk-outside-'));
    mkdirSync(join(outside, 'slides'));
    writeFileSync(join(outside, 'slides', '01-secret.md'), slide('Not from the repository'));
    symlinkSync(outside, join(repo, 'linked'));
    try {
      const { messages } = await load();
      expect(messages).toContain(
        'kiosk.yaml:3:10 include: "../../linked" is outside the repository: shared folders must be in the same repository',
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('stays inside the checkout it is given, even where a .git folder lies further up', async () => {
    sharedAndNorth('../../common');
    const { messages } = await load('sites/north', join(repo, 'sites'));
    expect(messages).toContain(
      'kiosk.yaml:3:10 include: "../../common" is outside the repository: shared folders must be in the same repository',
    );
  });

  it('says plainly when a shared folder is missing, or has no slides folder', async () => {
    sharedAndNorth('[../../commons, ../../sites]');
    const { messages } = await load();
    expect(messages).toEqual(
      expect.arrayContaining([
        'kiosk.yaml:3:11 include: the folder "../../commons" was not found: check its name, written from the folder that holds kiosk.yaml, such as ../common',
        'kiosk.yaml:3:26 include: the folder "../../sites" has no slides folder: shared slides go in ../../sites/slides',
      ]),
    );
  });

  it('refuses the content folder itself, full paths, and a folder outside any repository', async () => {
    sharedAndNorth('[., /etc]');
    expect((await load()).messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^kiosk\.yaml:3:11 include: "\." is this content folder itself/),
        expect.stringMatching(/^kiosk\.yaml:3:14 include: "\/etc" is a full path/),
      ]),
    );
    rmSync(join(repo, '.git'), { recursive: true });
    sharedAndNorth();
    rmSync(join(repo, '.git'), { recursive: true });
    expect((await load()).messages).toContain(
      'kiosk.yaml:3:10 include: "../../common" cannot be used here: shared folders work in a content repository, and this folder is not in one (no .git folder above it)',
    );
  });

  it('says what include: takes when it is neither a folder nor a list', async () => {
    sharedAndNorth('5');
    write({ 'sites/north/kiosk.yaml': 'title: North\ninclude: {folder: common}\n' });
    expect((await load()).messages).toContain(
      'kiosk.yaml:2:10 include must be a folder such as ../common, or a list of them such as [../common, ../campaigns]',
    );
  });
});

describe('normalizedJoin', () => {
  it('works out .. by the path’s text, never above the top', () => {
    expect(normalizedJoin('/r/sites/north', '../../common')).toBe('/r/common');
    expect(normalizedJoin('/r', '../../../x')).toBe('/x');
    expect(normalizedJoin('C:\\r\\sites\\north', '../common')).toBe('C:\\r\\sites\\common');
  });
});
