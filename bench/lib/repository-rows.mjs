// @ts-check
import { median, summarize } from './stats.mjs';

/** @import { Row } from '../report.mjs' */

/**
 * What the repository measure found (bench/measures/repository.mjs).
 * @typedef {{
 *   readonly slides: number;
 *   readonly languages: number;
 *   readonly updates: readonly { readonly total: number; readonly fetch?: number; readonly check?: number; readonly switch?: number; readonly toScreen: number }[];
 *   readonly clone: readonly number[];
 *   readonly idle: { readonly seconds: number; readonly repositoryCpuPerMinute: number; readonly folderCpuPerMinute: number };
 * }} RepositoryResults
 */

/**
 * Between updates the kiosk should cost nothing worth measuring: under 1% of one core. (The CPU
 * time of a quiet process moves in 10 ms ticks: a ratio to a baseline of a few ticks is noise.)
 */
const IDLE_BUDGET_CPU_PER_MINUTE = 0.6;

/** Above this, an update keeps the kiosk busy long enough to notice. */
const UPDATE_BUDGET_MS = 2000;

/**
 * The update's cost (a new revision fetched, checked in full and switched to, until it is the
 * content shown) beside a plain `git clone --depth=1` of the same revision, and the kiosk's CPU
 * while idle between updates beside the same kiosk showing a folder.
 * @param {RepositoryResults | undefined} repository
 * @returns {Row[]}
 */
export function repositoryRows(repository) {
  if (repository === undefined) return [];
  const totals = repository.updates.map((update) => update.toScreen);
  const clone = median(repository.clone);
  const update = median(totals);
  const part = (/** @type {'fetch' | 'check' | 'switch'} */ key) =>
    Math.round(median(repository.updates.map((entry) => entry[key])) ?? 0);
  const { idle } = repository;
  const idleRatio =
    idle.folderCpuPerMinute > 0 ? idle.repositoryCpuPerMinute / idle.folderCpuPerMinute : undefined;
  return [
    {
      id: 'update-cost',
      figure: `Update from the repository: fetch + check + switch, ${repository.slides} slides × ${repository.languages} languages`,
      unit: 'ms',
      summary: summarize(totals),
      ...(clone === undefined ? {} : { baseline: clone }),
      ...(clone === undefined || update === undefined ? {} : { ratio: update / clone }),
      budget: `≤ ${UPDATE_BUDGET_MS} ms`,
      met: update !== undefined && update <= UPDATE_BUDGET_MS,
      note: `baseline: git clone --depth=1 of the same revision; median parts: fetch ${part('fetch')} ms, check ${part('check')} ms, switch ${part('switch')} ms, then the new content loaded for the screen`,
    },
    {
      id: 'idle-cpu',
      figure: `Kiosk process CPU while idle between updates (${idle.seconds} s)`,
      unit: 'CPU s/min',
      summary: summarize([idle.repositoryCpuPerMinute]),
      baseline: idle.folderCpuPerMinute,
      ...(idleRatio === undefined ? {} : { ratio: idleRatio }),
      budget: `≤ ${IDLE_BUDGET_CPU_PER_MINUTE} (1% of a core)`,
      met: idle.repositoryCpuPerMinute <= IDLE_BUDGET_CPU_PER_MINUTE,
      note: 'the preview process with its content reader, fed by a repository; baseline: the same showing a folder',
    },
  ];
}
