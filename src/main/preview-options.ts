import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFlagValue } from '../node/argv';
import { ENV, type Env } from '../node/environment';
import { SETTINGS_FILE, type RepositorySettings } from '../node/kiosk-settings';
import { chooseSource, SOURCE_FLAGS, type SourceFlags } from '../node/source/source-options';
import { parseWallTime } from '../node/time/wall-time';
import type { WallTime } from '../shared/content';

/** `clinic-kiosk --preview`: the installed app's preview window for staff (preview-mode.ts). */
export const PREVIEW_FLAG = '--preview';
export const AT_FLAG = '--at';
const CONTENT_FLAG = '--content';

/** Where the preview content comes from, and why: said in the log, and to staff when it matters. */
export type PreviewSource =
  | {
      readonly kind: 'folder';
      readonly dir: string;
      /** The command line, the folder staff opened last time, or what this computer's kiosk shows. */
      readonly why: 'argument' | 'remembered' | 'kiosk';
    }
  | {
      readonly kind: 'repository';
      readonly settings: RepositorySettings;
      readonly why: 'argument' | 'kiosk';
    };

export type PreviewChoice =
  | {
      readonly ok: true;
      readonly source: PreviewSource;
      /** `--at`: the moment shown first. */
      readonly at?: WallTime;
      /** Worth telling staff, though the preview starts: a folder gone, settings with mistakes. */
      readonly notes: readonly string[];
    }
  /** The preview cannot start as it was asked to: `message` says why, in plain words. */
  | { readonly ok: false; readonly message: string };

export interface PreviewSurroundings {
  readonly argv: readonly string[];
  readonly env: Env;
  readonly cwd: string;
  /** The kiosk's own data folder on this computer (only read: its settings file, its content). */
  readonly kioskUserDataDir: string;
  /** The content folder shipped with the app. */
  readonly bundledContentDir: string;
  /** The folder the installed kiosk shows (`<user data>/content`), when the app is installed. */
  readonly staffContentDir?: string;
  /** The folder staff opened in the preview last time (preview-memory.ts). */
  readonly rememberedFolder?: string;
}

/** What each switch takes, for the message when it was given without it. */
const VALUE_NAMES: Readonly<Record<string, string>> = {
  [CONTENT_FLAG]: 'a folder',
  [SOURCE_FLAGS.source]: "a repository's address",
  [SOURCE_FLAGS.branch]: 'a branch',
  [SOURCE_FLAGS.path]: 'a folder of the repository',
  [SOURCE_FLAGS.settings]: 'a settings file',
  [AT_FLAG]: 'a moment, such as "2026-12-07 19:30"',
};

/**
 * What the preview window shows: `--content`, else `--source` (with `--branch`, `--path`,
 * `--settings`), else the folder staff opened last time, else what this computer's kiosk shows
 * (the repository in its kiosk-settings.yaml, `KIOSK_CONTENT_DIR`, its content folder, or the
 * bundled content). A mistake on the command line stops the preview with a message; one in the
 * kiosk's own settings file is told, and the kiosk's folder shown, as the kiosk itself does.
 */
export async function choosePreviewContent(input: PreviewSurroundings): Promise<PreviewChoice> {
  const problems: string[] = [];
  const value = (flag: string) => {
    const warnings: string[] = [];
    const found = findFlagValue(input.argv, flag, warnings);
    if (warnings.length > 0) problems.push(`${flag} needs ${VALUE_NAMES[flag] ?? 'a value'} after it.`);
    return found;
  };
  const content = value(CONTENT_FLAG);
  const source = value(SOURCE_FLAGS.source);
  const branch = value(SOURCE_FLAGS.branch);
  const path = value(SOURCE_FLAGS.path);
  const settingsFile = value(SOURCE_FLAGS.settings);
  const atText = value(AT_FLAG);
  if (problems.length > 0) return refused(problems);

  const at = atText === undefined ? undefined : parseWallTime(atText, 'start');
  if (typeof at === 'string') return refused([`${AT_FLAG} ${at} (it was given "${atText ?? ''}").`]);
  const withAt = at === undefined ? {} : { at };
  if (content !== undefined && source !== undefined) {
    return refused([
      `Give either ${CONTENT_FLAG} (a folder) or ${SOURCE_FLAGS.source} (a repository), not both.`,
    ]);
  }
  if (content !== undefined) {
    const dir = resolve(input.cwd, content);
    if (!isFolder(dir)) return refused([`There is no content folder at ${dir}.`]);
    return { ok: true, source: { kind: 'folder', dir, why: 'argument' }, ...withAt, notes: [] };
  }

  const flags: SourceFlags = {
    ...(source === undefined ? {} : { source }),
    ...(branch === undefined ? {} : { branch }),
    ...(path === undefined ? {} : { path }),
    settingsFile: settingsFile ?? join(input.kioskUserDataDir, SETTINGS_FILE),
  };
  const fromCommandLine =
    source !== undefined || branch !== undefined || path !== undefined || settingsFile !== undefined;
  const choice = await chooseSource(flags, input.cwd);
  if (choice.problems.length > 0 && fromCommandLine) return refused(choice.problems);
  if (fromCommandLine && choice.repository !== undefined) {
    return {
      ok: true,
      source: { kind: 'repository', settings: choice.repository, why: 'argument' },
      ...withAt,
      notes: [],
    };
  }

  const notes: string[] = [];
  const remembered = input.rememberedFolder;
  if (remembered !== undefined) {
    if (isFolder(remembered)) {
      return { ok: true, source: { kind: 'folder', dir: remembered, why: 'remembered' }, ...withAt, notes };
    }
    notes.push(
      `The content folder you opened last time is not there any more: ${remembered}. The preview shows this computer's kiosk content instead. Open another with File, Open content folder.`,
    );
  }
  if (choice.problems.length > 0) {
    notes.push(
      `This computer's kiosk settings (${SETTINGS_FILE}) have mistakes, so the kiosk does not use them until they are fixed, and neither does the preview:\n${choice.problems.join('\n')}`,
    );
  } else if (choice.repository !== undefined) {
    return {
      ok: true,
      source: { kind: 'repository', settings: choice.repository, why: 'kiosk' },
      ...withAt,
      notes,
    };
  }
  return { ok: true, source: { kind: 'folder', dir: kioskFolder(input), why: 'kiosk' }, ...withAt, notes };
}

/** The folder this computer's kiosk shows when it has no repository: as `parseOptions` chooses it. */
function kioskFolder(input: PreviewSurroundings): string {
  const fromEnv = input.env[ENV.contentDir]?.trim();
  if (fromEnv) return resolve(input.cwd, fromEnv);
  // The kiosk copies the bundled content there on its first start; the preview never writes to it.
  if (input.staffContentDir !== undefined && isFolder(input.staffContentDir)) return input.staffContentDir;
  return input.bundledContentDir;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function refused(problems: readonly string[]): PreviewChoice {
  return { ok: false, message: problems.join('\n') };
}
