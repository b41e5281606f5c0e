import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RevisionSummary } from '../../shared/content-source';
import { writeFileAtomically } from '../atomic-write';
import { errnoCode } from '../errno';

/**
 * The revisions a kiosk keeps on disk, and which one it shows:
 *
 *   revisions/<sha>/          each kept revision, checked out whole
 *   revisions/<sha>.staging/  a new revision while it is checked out and checked
 *   revisions.json            which is shown, the few before it, and those taken off the screen
 *
 * A new revision becomes the one shown when revisions.json says so: one atomic write, so a power
 * cut leaves the kiosk on the old revision or the new one, never between them.
 */

/** Revisions kept besides the one shown, to go back to without the network. */
export const KEEP_PREVIOUS = 3;
/** Revisions taken off the screen are remembered (never shown again) this many at most. */
const KEEP_WITHDRAWN = 20;

const revisionSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{40,64}$/),
  subject: z.string().max(1000),
  author: z.string().max(1000),
  committedAt: z.number(),
});

const stateSchema = z.object({
  format: z.literal(1),
  /** The repository, branch and folder these revisions are of: another source starts afresh. */
  source: z.string(),
  shown: revisionSchema.extend({ shownAt: z.number(), shownBy: z.enum(['update', 'rollback']) }).nullable(),
  previous: z.array(revisionSchema).max(KEEP_PREVIOUS),
  withdrawn: z
    .array(z.object({ sha: z.string(), subject: z.string(), reason: z.string(), at: z.number() }))
    .max(KEEP_WITHDRAWN),
  newest: revisionSchema.nullable(),
  lastSuccessAt: z.number().nullable(),
  currentAt: z.number().nullable(),
});

export type RevisionState = z.output<typeof stateSchema>;
export type ShownRevision = NonNullable<RevisionState['shown']>;

export const STATE_FILE = 'revisions.json';
const REVISIONS_FOLDER = 'revisions';
const STAGING = '.staging';

export interface RevisionStore {
  /** What was saved for `source`; a fresh state (and no kept revisions) for anything else. */
  load(source: string): Promise<RevisionState>;
  /** The atomic switch: from now on, `state.shown` is the revision shown, after a restart too. */
  save(state: RevisionState): Promise<void>;
  folderOf(sha: string): string;
  stagingOf(sha: string): string;
  /** Moves a checked staging folder to its place. */
  keep(sha: string): Promise<void>;
  /** Removes revision folders the state no longer names, and leftover staging folders. */
  prune(state: RevisionState): Promise<void>;
  hasFolder(sha: string): Promise<boolean>;
}

export function freshState(source: string): RevisionState {
  return {
    format: 1,
    source,
    shown: null,
    previous: [],
    withdrawn: [],
    newest: null,
    lastSuccessAt: null,
    currentAt: null,
  };
}

export function createRevisionStore(folder: string): RevisionStore {
  const revisions = join(folder, REVISIONS_FOLDER);
  const stateFile = join(folder, STATE_FILE);
  const folderOf = (sha: string) => join(revisions, sha);
  const stagingOf = (sha: string) => join(revisions, `${sha}${STAGING}`);

  async function isFolder(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  }

  return {
    async load(source) {
      let text: string | undefined;
      try {
        text = await readFile(stateFile, 'utf8');
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error;
      }
      const parsed = text === undefined ? undefined : parseState(text);
      if (parsed?.source === source) return parsed;
      // Another repository, branch or folder, or a damaged file: its revisions mean nothing here.
      await rm(revisions, { recursive: true, force: true });
      return freshState(source);
    },
    save: (state) => writeFileAtomically(stateFile, `${JSON.stringify(state, null, 2)}\n`),
    folderOf,
    stagingOf,
    async keep(sha) {
      await rm(folderOf(sha), { recursive: true, force: true });
      await rename(stagingOf(sha), folderOf(sha));
    },
    async prune(state) {
      const kept = new Set([state.shown?.sha, ...state.previous.map((revision) => revision.sha)]);
      let names: string[];
      try {
        names = await readdir(revisions);
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return;
        throw error;
      }
      for (const name of names) {
        if (!kept.has(name)) await rm(join(revisions, name), { recursive: true, force: true });
      }
    },
    hasFolder: (sha) => isFolder(folderOf(sha)),
  };
}

function parseState(text: string): RevisionState | undefined {
  try {
    const result = stateSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** The summary of a revision, without what the state adds to it. */
export function summaryOf(revision: RevisionSummary): RevisionSummary {
  const { sha, subject, author, committedAt } = revision;
  return { sha, subject, author, committedAt };
}
