import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { forkAgent } from '../node/content/agent-fork';
import { startContentAgentHost } from '../node/content/agent-host';
import { createMemoryLastGoodStore } from '../node/content/last-good';
import { processEnvironment } from '../node/environment';
import type { RepositorySettings } from '../node/kiosk-settings';
import { startRepositoryContent } from '../node/source/repository-content';
import { chooseSource, sourceFlagsOf } from '../node/source/source-options';
import { describeRevision } from '../node/source/updater';
import { systemClock } from '../shared/clock';
import { describeCheck } from './content-check-command';

const USAGE = [
  'Usage: npm run content:check [folder]   (the folder is content/ unless you name another)',
  '       npm run content:check -- --source <repository> [--branch main] [--path sites/north] [--settings kiosk-settings.yaml]',
].join('\n');

const quietLog = {
  info: () => undefined,
  warn: (line: string) => console.warn(line),
  error: (line: string) => console.error(line),
};

/**
 * `npm run content:check [DIR]`: checks a content folder (by default `content/`) as the kiosk
 * would read it, in a content agent of its own: a folder that would hang or exhaust a reader
 * ends that reader, with a problem saying so, never this command. With `--source`, it checks the
 * newest revision of a repository's branch exactly as a kiosk checks it before showing it.
 */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        help: { type: 'boolean', short: 'h' },
        source: { type: 'string' },
        branch: { type: 'string' },
        path: { type: 'string' },
        settings: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.log(USAGE);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals.length > 1) {
    console.log(USAGE);
    return positionals.length > 1 ? 1 : 0;
  }
  const [argument] = positionals;
  const choice = await chooseSource(sourceFlagsOf(values), process.cwd());
  if (choice.problems.length > 0) {
    for (const problem of choice.problems) console.error(problem);
    return 1;
  }
  if (argument === undefined && choice.repository !== undefined) return checkRepository(choice.repository);

  const dir = resolve(argument ?? 'content');
  if (!existsSync(dir)) {
    console.error(`There is no content folder at ${dir}.`);
    return 1;
  }
  console.log(`Checking ${dir}`);
  const agent = startContentAgentHost({
    spawn: forkAgent(__dirname),
    dir,
    watch: 'off',
    clock: systemClock,
    log: quietLog,
  });
  try {
    const { lines, exitCode } = describeCheck(await agent.load());
    for (const line of lines) console.log(line);
    return exitCode;
  } finally {
    agent.close();
  }
}

/** The branch's newest revision, fetched into a temporary folder and checked as a kiosk checks it. */
async function checkRepository(settings: RepositorySettings): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'clinic-kiosk-check-'));
  const where = `${settings.address.display}, branch ${settings.branch}${settings.path === '' ? '' : `, folder ${settings.path}`}`;
  console.log(`Checking ${where}`);
  const content = await startRepositoryContent({
    settings,
    folder: join(folder, 'repository'),
    spawnAgent: forkAgent(__dirname),
    store: createMemoryLastGoodStore(),
    clock: systemClock,
    log: { ...quietLog, warn: () => undefined, error: () => undefined },
    env: processEnvironment(),
    waitForFirstUpdate: true,
  });
  try {
    const newest = content.source.status().newest;
    if (newest !== null) console.log(`Revision ${describeRevision(newest)}`);
    const { lines, exitCode } = describeCheck(content.getContent());
    for (const line of lines) console.log(line);
    return exitCode;
  } finally {
    content.close();
    await rm(folder, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`The check could not run: ${String(error)}`);
    process.exitCode = 1;
  },
);
