import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { terminalLog } from './cli-log';
import { PreviewMomentError } from './preview-schedule';
import { startPreviewServer } from './server';
import { parseWallTime } from '../node/time/wall-time';
import { forkAgent } from '../node/content/agent-fork';
import { isWatchMode } from '../node/content/watch-mode';
import { ENV, processEnvironment } from '../node/environment';
import { errnoCode } from '../node/errno';
import { chooseSource, sourceFlagsOf } from '../node/source/source-options';

const DEFAULT_PORT = 5173;

/**
 * `npm run preview -- --content DIR --port N --watch auto|events|poll --at "YYYY-MM-DD HH:MM"`:
 * the kiosk in a browser, for checking content, now or at another moment.
 * `--source URL [--branch B] [--path P] [--settings FILE]` shows a repository instead, updated
 * as the kiosk updates it.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      content: { type: 'string' },
      port: { type: 'string' },
      watch: { type: 'string' },
      source: { type: 'string' },
      branch: { type: 'string' },
      path: { type: 'string' },
      settings: { type: 'string' },
      at: { type: 'string' },
    },
    strict: true,
  });
  const at = values.at === undefined ? undefined : parseWallTime(values.at, 'start');
  if (typeof at === 'string') fail(`--at ${at} (it was given "${values.at ?? ''}").`);
  const env = processEnvironment();
  const choice = await chooseSource(sourceFlagsOf(values), process.cwd());
  if (choice.problems.length > 0) fail(choice.problems.join('\n'));
  if (values.content !== undefined && values.source !== undefined) {
    fail('Give either --content (a folder) or --source (a repository), not both.');
  }
  const repository = values.content === undefined ? choice.repository : undefined;
  const watch = values.watch ?? env[ENV.contentWatch] ?? 'auto';
  if (!isWatchMode(watch)) fail(`--watch must be auto, events or poll, not "${watch}".`);
  const contentDir = resolve(values.content ?? env[ENV.contentDir] ?? 'content');
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a number from 0 to 65535, not "${values.port ?? ''}".`);
  }
  if (repository === undefined && !existsSync(contentDir))
    fail(`There is no content folder at ${contentDir}.`);

  const preview = await startPreviewServer({
    contentDir,
    rendererDir: join(__dirname, '../renderer'),
    spawnAgent: forkAgent(__dirname),
    watch,
    port,
    log: terminalLog,
    ...(repository === undefined ? {} : { repository: { settings: repository, env } }),
    ...(at === undefined ? {} : { at }),
  });
  if (repository === undefined) {
    console.log(`Clinic Kiosk preview of ${contentDir}`);
  } else {
    const folder = repository.path === '' ? '' : `, folder ${repository.path}`;
    console.log(
      `Clinic Kiosk preview of ${repository.address.display} (branch ${repository.branch}${folder})`,
    );
  }
  if (at !== undefined)
    console.log(`Showing the kiosk at ${values.at ?? ''}, in its time zone, and running on from there.`);
  console.log(`Open ${preview.url} in a browser. Press Ctrl+C to stop.`);
  console.log(
    `Or open ${preview.workbenchUrl} to see it at each shape of screen, with its problems listed and any moment to choose.`,
  );
  console.log(
    repository === undefined
      ? 'Saved changes to the content folder show in the browser within a few seconds.'
      : `New revisions of the branch show in the browser within ${repository.updateMs / 60_000} minutes.`,
  );
  const stop = () => void preview.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  const code = errnoCode(error);
  fail(
    code === 'EADDRINUSE'
      ? 'That port is already in use: choose another with --port.'
      : error instanceof PreviewMomentError
        ? `--at ${error.message}`
        : `The preview could not start: ${String(error)}`,
  );
});
