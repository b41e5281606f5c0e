import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkContentFolder } from './content-check-command';

/** `npm run content:check [DIR]`: checks a content folder (by default `content/`) as the kiosk would read it. */
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
  const { lines, exitCode } = await checkContentFolder(dir, fs);
  for (const line of lines) console.log(line);
  return exitCode;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`The check could not run: ${String(error)}`);
    process.exitCode = 1;
  },
);
