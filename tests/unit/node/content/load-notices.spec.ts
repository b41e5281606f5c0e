import { describe, expect, it } from 'vitest';
import { createMemoryLastGoodStore } from '../../../../src/node/content/last-good';
import { startLiveContent } from '../../../../src/node/content/live';
import { loadContent, loadContentSafely } from '../../../../src/node/content/load';
import { formatProblem } from '../../../../src/shared/content';
import { FakeClock } from '../../support/fake-clock';
import { KIOSK_YAML, memoryFs, ROOT, slide } from './memory-fs';

const TWO_LANGUAGES = 'title: Clinic\nlanguages: [en, es]\n';

const notice = (settings: string, text = 'The clinic opens at 10:00 today.') =>
  `---\n${settings}---\n${text}\n`;

async function load(files: Record<string, string>) {
  return loadContent(ROOT, memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('A'), ...files }));
}

describe('notices', () => {
  it('reads a notice: its title, level, times and text, in the kiosk’s languages', async () => {
    const state = await loadContent(
      ROOT,
      memoryFs({
        'kiosk.yaml': TWO_LANGUAGES,
        'slides/01-a.md': slide('A'),
        'slides/01-a.es.md': slide('A'),
        'notices/snow.md': notice(
          'title: Snow\nlevel: urgent\nfrom: 2026-12-07 08:00\nuntil: 2026-12-07\nwhen_closed: show\n',
          'We are **closed** today.',
        ),
        'notices/snow.es.md': notice('title: Nieve\n', 'Hoy estamos cerrados.'),
      }),
    );
    expect(state.problems).toEqual([]);
    expect(state.notices).toEqual([
      {
        id: 'snow',
        level: 'urgent',
        from: { date: '2026-12-07', minute: 480 },
        until: { date: '2026-12-07', minute: 1440 },
        whenClosed: true,
        texts: [
          { language: 'en', title: 'Snow', bodyHtml: '<p>We are <strong>closed</strong> today.</p>\n' },
          { language: 'es', title: 'Nieve', bodyHtml: '<p>Hoy estamos cerrados.</p>\n' },
        ],
      },
    ]);
  });

  it('needs no notices folder, and shows notices even without slides', async () => {
    expect((await load({})).notices).toBeUndefined();
    const state = await loadContent(
      ROOT,
      memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'notices/closed.md': notice('title: Closed\nlevel: urgent\n') }),
    );
    expect(state.deck).toBeNull();
    expect(state.notices?.map((n) => n.id)).toEqual(['closed']);
  });

  it('leaves out a broken notice, says where it is wrong, and keeps the slides', async () => {
    const state = await load({
      'notices/01-good.md': notice('title: Good\nlevel: info\n'),
      'notices/02-no-level.md': notice('title: No level\n'),
      'notices/03-level.md': notice('title: Wrong\nlevel: red\n'),
      'notices/04-times.md': notice(
        'title: Times\nlevel: info\nfrom: 2026-12-07 18:00\nuntil: 2026-12-07 08:00\n',
      ),
      'notices/05-date.md': notice('title: Date\nlevel: info\nfrom: 7 December\n'),
      'notices/06-no-front-matter.md': 'Just text.\n',
      'notices/07-closed-info.md': notice('title: Band\nlevel: info\nwhen_closed: show\n'),
      'notices/08-hidden.md~': 'not a notice',
    });
    expect(state.deck?.slides.map((s) => s.title)).toEqual(['A']);
    expect(state.notices?.map((n) => n.id)).toEqual(['01-good', '07-closed-info']);
    expect(state.problems.map(formatProblem)).toEqual([
      'notices/02-no-level.md:2:1 level is missing: every notice needs a level: urgent (it replaces the slides) or info (a band on every screen)',
      'notices/03-level.md:3:8 level must be urgent (it replaces the slides) or info (a band on every screen)',
      'notices/04-times.md:5:8 until is not after from: the notice would never be shown; the end must come after the start',
      'notices/05-date.md:4:7 from must be a date and time written year-month-day hours:minutes, such as 2026-12-07 08:00 (or a date alone)',
      'notices/06-no-front-matter.md:1:1 this notice has no front matter: start the file with a line of three dashes (---), then the title: and level: lines, then another line of ---',
      'notices/07-closed-info.md:4:14 when_closed: show is for urgent notices: an info band shows only while the slides do, so it is not shown when the kiosk is closed',
    ]);
  });

  it('checks translations as a slide’s are, and says which settings belong to the notice', async () => {
    const state = await loadContent(
      ROOT,
      memoryFs({
        'kiosk.yaml': TWO_LANGUAGES,
        'slides/01-a.md': slide('A'),
        'slides/01-a.es.md': slide('A'),
        'notices/snow.md': notice('title: Snow\nlevel: info\n'),
        'notices/snow.es.md': notice('title: Nieve\nlevel: urgent\n'),
        'notices/rain.md': notice('title: Rain\nlevel: info\n'),
        'notices/orphan.es.md': notice('title: Huérfano\n'),
        'notices/snow.fr.md': notice('title: Neige\n'),
      }),
    );
    expect(state.problems.map(formatProblem)).toEqual([
      'notices/orphan.es.md translates notices/orphan.md, which does not exist: give the translation the same name as its notice, with .es before .md',
      'notices/rain.md has no Spanish translation yet, so it shows in English there: add notices/rain.es.md',
      "notices/snow.es.md:3:1 level: is not used in a translation: it is notices/snow.md's, so set it there, and remove it here",
      'notices/snow.fr.md is a translation into French, which is not in languages in kiosk.yaml: add fr there to show it',
    ]);
  });

  it('refuses a notices folder that leads outside the content folder, and reads the slides all the same', async () => {
    const files = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('A'), 'notices/x.md': 'x' });
    const realpath = files.realpath.bind(files);
    files.realpath = (path) => (path.endsWith('/notices') ? Promise.resolve('/elsewhere') : realpath(path));
    const state = await loadContent(ROOT, files);
    expect(state.deck?.slides).toHaveLength(1);
    expect(state.problems.map(formatProblem)).toEqual([
      'notices the notices folder is a shortcut to a folder outside the content folder: put the notices themselves in a folder named "notices"',
    ]);
  });
});

describe('notices while the folder has errors', () => {
  async function live(files: Record<string, string>) {
    const fs = memoryFs({ 'kiosk.yaml': KIOSK_YAML, 'slides/01-a.md': slide('A'), ...files });
    const content = await startLiveContent({
      dir: ROOT,
      load: () => loadContentSafely(ROOT, fs),
      store: createMemoryLastGoodStore(),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      clock: new FakeClock(),
      waitForFirstLoad: true,
    });
    return { fs, content };
  }

  it('takes a deleted notice down even while a slide has a mistake', async () => {
    const { fs, content } = await live({ 'notices/snow.md': notice('title: Snow\nlevel: urgent\n') });
    expect(content.getContent().notices).toHaveLength(1);
    fs.files['slides/02-broken.md'] = '---\nsummary: no title\n---\n';
    delete fs.files['notices/snow.md'];
    const state = await content.reload();
    expect(state.fromLastGood).toBe(true);
    expect(state.notices).toBeUndefined();
  });

  it('keeps the last good version of a notice while an edit to it has a mistake, and shows a good new one', async () => {
    const { fs, content } = await live({ 'notices/snow.md': notice('title: Snow\nlevel: urgent\n') });
    fs.files['notices/snow.md'] = notice('title: Snow, edited\nlevel: urgnet\n');
    fs.files['notices/rain.md'] = notice('title: Rain\nlevel: info\n');
    const state = await content.reload();
    expect(state.notices?.map((n) => n.texts[0]?.title)).toEqual(['Rain', 'Snow']);
  });
});
