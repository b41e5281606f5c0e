import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { forkAgent } from '../node/content/agent-fork';
import { startContentAgentHost } from '../node/content/agent-host';
import { systemClock } from '../shared/clock';
import { describeCheck } from './content-check-command';

/**
 * `npm run content:check [DIR]`: checks a content folder (by default `content/`) as the kiosk
 * would read it, in a content agent of its own: a folder that would hang or exhaust a reader
 * ends that reader, with a problem saying so, never this command.
 */
async function main(): Promise<number> {
  const [argument, ...extra] = process.argv.slice(2);
  if (argument === '--help' || argument === '-h' || extra.length > 0) {
    console.log('Usage: npm run content:check [folder]   (the folder is content/ unless you name another)');
    return extra.length > 0 ? 1 : 0;
  }
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
    log: { info: () => undefined, warn: (line) => console.warn(line), error: (line) => console.error(line) },
  });
  try {
    const { lines, exitCode } = describeCheck(await agent.load());
    for (const line of lines) console.log(line);
    return exitCode;
  } finally {
    agent.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`The check could not run: ${String(error)}`);
    process.exitCode = 1;
  },
);
