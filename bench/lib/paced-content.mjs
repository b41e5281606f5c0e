// @ts-check
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `attract.seconds_per_slide` in kiosk.yaml, indented under `attract:`. */
const SECONDS_PER_SLIDE = /^([ \t]+seconds_per_slide:[ \t]*)\d+/m;

/** A slide's front matter: from its first line, `---`, to the next `---` line. */
const FRONT_MATTER = /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$))/;

/** A slide's own time on screen, which overrides the folder's. */
const OWN_SECONDS = /^seconds:.*(?:\r?\n|$)/gm;

/**
 * Replaces `dir` with a copy of the content folder `source` whose attract loop shows every slide
 * for `seconds`: `attract.seconds_per_slide` set in its kiosk.yaml, and every slide's own
 * `seconds:` line taken out of its front matter. Pictures and text stay as they are.
 * @param {string} dir
 * @param {string} source
 * @param {number} seconds
 */
export async function writePacedContent(dir, source, seconds) {
  await rm(dir, { recursive: true, force: true });
  await cp(source, dir, { recursive: true });

  const settingsFile = join(dir, 'kiosk.yaml');
  const settings = await readFile(settingsFile, 'utf8');
  if (!SECONDS_PER_SLIDE.test(settings)) {
    throw new Error(`${settingsFile} has no attract.seconds_per_slide line to change`);
  }
  await writeFile(settingsFile, settings.replace(SECONDS_PER_SLIDE, `$1${seconds}`));

  const slidesDir = join(dir, 'slides');
  for (const name of await readdir(slidesDir)) {
    if (!name.endsWith('.md')) continue;
    const file = join(slidesDir, name);
    const text = await readFile(file, 'utf8');
    const match = FRONT_MATTER.exec(text);
    if (match === null) continue;
    const [whole, open = '', fields = '', close = ''] = match;
    const paced = `${open}${fields.replace(OWN_SECONDS, '')}${close}${text.slice(whole.length)}`;
    if (paced !== text) await writeFile(file, paced);
  }
  return dir;
}
