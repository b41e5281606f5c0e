import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A content folder with three good slides and, beside them, every kind of file a hostile or
 * unlucky folder can hold. Made at test time, since pipes, links to devices and link loops cannot
 * be committed to the repository. Used by the unit, integration and end-to-end tests and by the
 * benchmark: each bad file must get a located error, and the good slides must still show.
 */

/** The files that must be refused, each with what its problem message must say. */
export const HOSTILE_FILES: Readonly<Record<string, RegExp>> = {
  'slides/04-pipe.md': /not an ordinary file \(it is a pipe, a device or a socket\)/,
  'slides/05-endless.md': /shortcut to a file outside the content folder/,
  'slides/06-folder.md': /this is a folder, not a file/,
  'slides/07-outside.md': /shortcut to a file outside the content folder/,
  'slides/08-brackets.md': /nested more than 16 levels deep/,
  'slides/09-very-deep.md': /the settings are too long/,
  'slides/10-alias-bomb.md': /repeat earlier values .* too many times/,
  'slides/11-huge.md': /this file is too big/,
  'slides/12-not-text.md': /not saved as plain UTF-8 text/,
  'slides/13-picture-bomb.md': /is 100000 × 100000 pixels/,
  'slides/14-svg-repeats.md': /draws more than 50,000 shapes/,
  'slides/15-svg-entities.md': /DOCTYPE or ENTITY/,
  'slides/16-picture-pipe.md': /not an ordinary file \(a pipe, a device or a socket\)/,
  'slides/17-indented.md': /nested more than 16 levels deep/,
};

export const GOOD_TITLES = ['First slide', 'Second slide', 'Third slide'] as const;
/** Slides whose only fault is their picture: they show, without it. */
export const WITHOUT_PICTURE = ['Picture bomb', 'SVG repeats', 'SVG entities', 'Picture pipe'] as const;

const slide = (title: string, extra = '') => `---\ntitle: ${title}\nsummary: Hostile.\n${extra}---\nText.\n`;

/** A PNG header declaring `side` × `side` pixels: a few bytes that would decode into gigabytes. */
function pictureBomb(side: number): Buffer {
  const bytes = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(
    bytes,
  );
  bytes.writeUInt32BE(side, 16);
  bytes.writeUInt32BE(side, 20);
  return bytes;
}

/** Ten groups, each drawing the one before ten times: ten billion shapes from a 2 KB file. */
function svgRepeats(): string {
  const groups = ['<g id="g0"><rect width="1" height="1"/></g>'];
  for (let level = 1; level <= 10; level += 1) {
    groups.push(`<g id="g${level}">${`<use href="#g${level - 1}"/>`.repeat(10)}</g>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${groups.join('')}</defs><use href="#g10"/></svg>`;
}

const SVG_ENTITIES = `<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&c;</text></svg>`;

const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
].join('\n');

/** Builds the folder in `dir` (which must not exist yet) from the three-slides fixture. */
export function makeHostileFolder(dir: string, fixtures: string): void {
  cpSync(join(fixtures, 'three-slides'), dir, { recursive: true });
  const slides = join(dir, 'slides');
  const images = join(dir, 'images');
  execFileSync('mkfifo', [join(slides, '04-pipe.md')]);
  symlinkSync('/dev/zero', join(slides, '05-endless.md'));
  mkdirSync(join(slides, '06-folder.md'));
  symlinkSync('/etc/hostname', join(slides, '07-outside.md'));
  writeFileSync(join(slides, '08-brackets.md'), slide(`${'['.repeat(40)}x${']'.repeat(40)}`));
  writeFileSync(join(slides, '09-very-deep.md'), `---\ntitle: ${'['.repeat(240_000)}\nsummary: x\n---\n`);
  writeFileSync(join(slides, '10-alias-bomb.md'), `---\n${ALIAS_BOMB}\ntitle: Bomb\nsummary: x\n---\n`);
  writeFileSync(join(slides, '11-huge.md'), slide('Huge') + 'x'.repeat(2 * 1024 * 1024));
  writeFileSync(
    join(slides, '12-not-text.md'),
    Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x01]),
  );
  writeFileSync(join(images, 'bomb.png'), pictureBomb(100_000));
  writeFileSync(join(slides, '13-picture-bomb.md'), slide('Picture bomb', 'image: images/bomb.png\n'));
  writeFileSync(join(images, 'repeats.svg'), svgRepeats());
  writeFileSync(join(slides, '14-svg-repeats.md'), slide('SVG repeats', 'image: images/repeats.svg\n'));
  writeFileSync(join(images, 'entities.svg'), SVG_ENTITIES);
  writeFileSync(join(slides, '15-svg-entities.md'), slide('SVG entities', 'image: images/entities.svg\n'));
  execFileSync('mkfifo', [join(images, 'pipe.png')]);
  writeFileSync(join(slides, '16-picture-pipe.md'), slide('Picture pipe', 'image: images/pipe.png\n'));
  const indented = Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}level${depth}:`).join('\n');
  writeFileSync(join(slides, '17-indented.md'), `---\ntitle: Deep\nsummary: x\nextra:\n${indented} x\n---\n`);
  // For the watcher: links that would take it out of the folder, or round in circles.
  symlinkSync('..', join(slides, 'loop'));
  symlinkSync('/usr', join(images, 'usr'));
}

/** Twenty slides of a megabyte each, for the benchmark: each refused, none read twice. */
export function addHeavySlides(dir: string, count = 20): void {
  const text = `---\ntitle: ${'{['.repeat(400_000)}\nsummary: x\n---\n`;
  for (let index = 0; index < count; index += 1) {
    writeFileSync(join(dir, 'slides', `${String(50 + index)}-heavy.md`), text.slice(0, 1_000_000));
  }
}
