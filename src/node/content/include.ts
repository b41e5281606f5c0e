import type { ContentProblem } from '../../shared/content';
import { readFailure } from './file-system';
import { error, isInsideFolder, joinPath, KIOSK_FILE, SLIDES_FOLDER } from './files';
import { ContentFolder } from './folder';
import type { Position } from './yaml-source';

/**
 * `include: ../common` in kiosk.yaml: a site's content folder also shows the slides of shared
 * folders of the same repository, so one change there reaches every site. A shared folder has a
 * `slides` folder (and the `images` its slides use); its slides join the site's own in file-name
 * order, a site slide with the same file name replaces the shared one, and the site's kiosk.yaml
 * decides everything else. A shared folder must lie inside the repository: the checkout the kiosk
 * made, or for a folder on disk, the nearest folder above it that holds `.git`.
 */

/** A folder of shared slides, and how its files are named in problems (`../common/`). */
export interface IncludedFolder {
  readonly folder: ContentFolder;
  readonly label: string;
}

export interface IncludeContext {
  /** The repository's checkout; found by looking for `.git` above the content folder when not given. */
  readonly repositoryRoot?: string;
  readonly locate: (path: readonly PropertyKey[]) => Position | undefined;
}

/** How far up a folder's parents `.git` is looked for. */
const MAX_PARENTS = 64;

/** The shared folders of `folder`, checked; each one that cannot be used is a located problem. */
export async function resolveIncludes(
  folder: ContentFolder,
  includes: readonly string[],
  context: IncludeContext,
  problems: ContentProblem[],
): Promise<IncludedFolder[]> {
  const root = await folder.realRoot();
  const boundary = await realRepositoryRoot(folder, context.repositoryRoot);
  const included: IncludedFolder[] = [];
  const seen = new Set<string>();
  for (const [index, include] of includes.entries()) {
    const at = (message: string): ContentProblem => ({
      ...error(KIOSK_FILE, `include: ${message}`),
      ...context.locate(['include', index]),
    });
    const written = include.replace(/\/+$/, '');
    const wrong = wrongPath(written);
    if (wrong !== undefined) {
      problems.push(at(`"${include}" ${wrong}`));
      continue;
    }
    if (boundary === undefined) {
      problems.push(
        at(
          `"${include}" cannot be used here: shared folders work in a content repository, and this folder is not in one (no .git folder above it)`,
        ),
      );
      continue;
    }
    let real: string;
    try {
      real = await folder.fs.realpath(normalizedJoin(folder.root, written));
    } catch (thrown) {
      problems.push(
        at(
          readFailure(thrown) === 'missing'
            ? `the folder "${include}" was not found: check its name, written from the folder that holds kiosk.yaml, such as ../common`
            : `the folder "${include}" cannot be read`,
        ),
      );
      continue;
    }
    if (real !== boundary && !isInsideFolder(boundary, real)) {
      problems.push(
        at(`"${include}" is outside the repository: shared folders must be in the same repository`),
      );
      continue;
    }
    if (real === root || isInsideFolder(root, real)) {
      problems.push(
        at(
          `"${include}" is this content folder itself, or a folder inside it: name a folder beside it, such as ../common`,
        ),
      );
      continue;
    }
    if (seen.has(real)) {
      problems.push(at(`"${include}" is listed twice: keep it once`));
      continue;
    }
    seen.add(real);
    const shared = new ContentFolder(real, folder.fs, {
      urlPrefix: `@include-${index + 1}/`,
      sharing: folder,
    });
    const slides = await shared.find(SLIDES_FOLDER);
    if (slides.kind !== 'folder') {
      problems.push(
        at(`the folder "${include}" has no slides folder: shared slides go in ${written}/slides`),
      );
      continue;
    }
    included.push({ folder: shared, label: `${written}/` });
  }
  return included;
}

/** Why a path cannot name a shared folder, or undefined when it can. */
function wrongPath(path: string): string | undefined {
  if (path.includes('\\'))
    return `uses backslashes: write it with forward slashes, as ${path.replaceAll('\\', '/')}`;
  if (/^[a-z][a-z0-9+.-]+:/i.test(path))
    return 'is a web address: name a folder of the repository, such as ../common';
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) {
    return 'is a full path: write it from the folder that holds kiosk.yaml, such as ../common';
  }
  if (/\p{Cc}/u.test(path)) return 'has a control character in it';
  return undefined;
}

/** `base` and a relative path with `..` in it, worked out by the path's text (the real path is checked after). */
export function normalizedJoin(base: string, relative: string): string {
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const parts = base.split(/[\\/]/);
  const head = parts.shift() ?? '';
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0) parts.pop();
    } else {
      parts.push(part);
    }
  }
  return [head, ...parts.filter((part) => part !== '')].join(separator) || separator;
}

/** The repository's folder, links followed: the one given, else the nearest above `folder` holding `.git`. */
async function realRepositoryRoot(
  folder: ContentFolder,
  given: string | undefined,
): Promise<string | undefined> {
  if (given !== undefined) {
    try {
      return await folder.fs.realpath(given);
    } catch {
      return undefined;
    }
  }
  let dir = await folder.realRoot();
  for (let level = 0; level < MAX_PARENTS; level += 1) {
    try {
      await folder.fs.stat(joinPath(dir, '.git'));
      return dir;
    } catch {
      // Not here: one folder up.
    }
    const parent = parentOf(dir);
    if (parent === undefined) return undefined;
    dir = parent;
  }
  return undefined;
}

function parentOf(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  if (cut === 0) return trimmed.length > 1 ? trimmed.charAt(0) : undefined;
  return trimmed.slice(0, cut);
}
