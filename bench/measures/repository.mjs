// @ts-check
import { execFile, spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleModule } from '../lib/bundle.mjs';
import { createContentRepository } from '../lib/git-repository.mjs';
import { startGitServer } from '../lib/git-server.mjs';
import { processTreeCpuSeconds } from '../lib/processes.mjs';
import { sleep } from '../lib/stats.mjs';
import { writeTwoLanguageContent } from './content-folder.mjs';

/** @import { BenchEnv } from '../run.mjs' */
/** @import { RepositoryResults } from '../lib/repository-rows.mjs' */

const run = promisify(execFile);
const TOKEN = 'bench-token';

/**
 * What the benchmark uses of src/node/source/repository-content.ts and agent-fork.ts.
 * @typedef {{ startRepositoryContent: (options: Record<string, unknown>) => Promise<RepositoryService> }} RepositoryModule
 * @typedef {{ forkAgent: (folder: string) => unknown }} AgentModule
 * @typedef {{
 *   getContent(): { deckRevision: string | null };
 *   onChange(listener: (state: { deckRevision: string | null }) => void): () => void;
 *   source: { updateNow(): Promise<{ outcome: string; ms: { fetch?: number; check?: number; switch?: number; total: number } }> };
 *   close(): void;
 * }} RepositoryService
 */

/**
 * 8. Content from a repository. The update's cost: a commit to a 20-slide, 2-language repository
 * served over HTTPS by git's http-backend on 127.0.0.1, then "Update now" until the new content is
 * the content shown (fetch, checkout, check in the content agent, switch, load). Beside it, a plain
 * `git clone --depth=1` of the same revision. Then the kiosk's CPU while idle between updates: the
 * preview process (the same content service and updater as the kiosk's main process) fed by the
 * repository, beside the same process showing a folder.
 * @param {BenchEnv} env
 * @param {string} contentDir
 * @returns {Promise<RepositoryResults>}
 */
export async function measureRepository(env, contentDir) {
  const root = join(env.workDir, 'repository');
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const repo = await createContentRepository(root, 'content.git');
  const folder = await writeTwoLanguageContent(join(root, 'twenty-slides'), contentDir);
  await repo.copy(folder, '.');
  await repo.commit('Twenty slides in two languages');
  const server = await startGitServer({ root, token: TOKEN });
  const tokenFile = join(root, 'token');
  await writeFile(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  try {
    const updates = await measureUpdates(env, root, repo, server, tokenFile);
    const clone = await measureClones(env, root, server);
    const idle = await measureIdle(env, root, server, tokenFile, folder);
    return { slides: 20, languages: 2, updates, clone, idle };
  } finally {
    await server.close();
  }
}

/**
 * @param {BenchEnv} env
 * @param {string} root
 * @param {import('../lib/git-repository.mjs').ContentRepository} repo
 * @param {import('../lib/git-server.mjs').GitServer} server
 * @param {string} tokenFile
 */
async function measureUpdates(env, root, repo, server, tokenFile) {
  /** @type {unknown} */
  const repositoryModule = await import(
    pathToFileURL(
      await bundleModule(
        env.root,
        'src/node/source/repository-content.ts',
        join(env.workDir, 'repository-content'),
      ),
    ).href
  );
  /** @type {unknown} */
  const agentModule = await import(
    pathToFileURL(
      await bundleModule(env.root, 'src/node/content/agent-fork.ts', join(env.workDir, 'agent-fork')),
    ).href
  );
  const { startRepositoryContent } = /** @type {RepositoryModule} */ (repositoryModule);
  const { forkAgent } = /** @type {AgentModule} */ (agentModule);
  const url = server.url('content.git');
  const service = await startRepositoryContent({
    settings: {
      address: { url, transport: 'https', display: url },
      branch: 'main',
      path: '',
      updateMs: 60 * 60_000,
      tokenFile,
      caFile: server.caFile,
    },
    folder: join(root, 'kiosk'),
    spawnAgent: forkAgent(join(env.buildDir, 'main')),
    store: { read: () => Promise.resolve(undefined), write: () => Promise.resolve() },
    cacheDir: join(root, 'pictures'),
    clock: {
      now: () => Date.now(),
      setTimeout: (/** @type {() => void} */ callback, /** @type {number} */ ms) => setTimeout(callback, ms),
      clearTimeout: (/** @type {ReturnType<typeof setTimeout> | undefined} */ handle) => clearTimeout(handle),
    },
    log: {
      info: () => undefined,
      warn: () => undefined,
      error: (/** @type {string} */ line) => console.error(line),
    },
    env: { PATH: process.env.PATH },
    waitForFirstUpdate: true,
  });
  /** @type {RepositoryResults['updates'][number][]} */
  const updates = [];
  try {
    const first = join(repo.work, 'slides', '01-topic.md');
    const original = await readFile(first, 'utf8');
    for (let rep = 0; rep <= env.reps.content; rep += 1) {
      await repo.write({
        'slides/01-topic.md': original.replace(/^title: (.*)$/m, `title: $1, edit ${rep}`),
      });
      await repo.commit(`Edit ${rep}`);
      const before = service.getContent().deckRevision;
      const shown = new Promise((resolve) => {
        const stop = service.onChange((state) => {
          if (state.deckRevision === before) return;
          stop();
          resolve(undefined);
        });
      });
      const started = performance.now();
      const result = await service.source.updateNow();
      await shown;
      const toScreen = performance.now() - started;
      if (result.outcome !== 'switched') throw new Error(`The update did not switch: ${result.outcome}`);
      // The first update warms the content reader up: not counted.
      if (rep > 0) updates.push({ ...result.ms, toScreen });
    }
  } finally {
    service.close();
  }
  return updates;
}

/**
 * @param {BenchEnv} env
 * @param {string} root
 * @param {import('../lib/git-server.mjs').GitServer} server
 */
async function measureClones(env, root, server) {
  /** @type {number[]} */
  const times = [];
  for (let rep = 0; rep < env.reps.content; rep += 1) {
    const target = join(root, `clone-${rep}`);
    const started = performance.now();
    await run(
      'git',
      [
        '-c',
        `http.sslCAInfo=${server.caFile}`,
        '-c',
        'credential.helper=',
        '-c',
        `credential.helper=!f() { echo username=x; echo password=${TOKEN}; }; f`,
        'clone',
        '--quiet',
        '--depth=1',
        server.url('content.git'),
        target,
      ],
      {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: root,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_TERMINAL_PROMPT: '0',
        },
      },
    );
    times.push(performance.now() - started);
    await rm(target, { recursive: true, force: true });
  }
  return times;
}

/**
 * The preview of the build, fed by the repository or a folder, on a free port, with nothing
 * connected to it: what the kiosk's main process does between updates.
 * @param {BenchEnv} env
 * @param {readonly string[]} args
 */
async function idleCpuPerMinute(env, args) {
  const child = spawn(process.execPath, [join(env.buildDir, 'main/preview.js'), '--port', '0', ...args], {
    cwd: env.buildDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`The preview did not start:\n${output}`)), 60_000);
      const onData = (/** @type {Buffer} */ chunk) => {
        output += String(chunk);
        if (output.includes('Open http')) {
          clearTimeout(timer);
          resolve(undefined);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`The preview exited (${code}):\n${output}`)));
    });
    await sleep(env.settleMs);
    const pid = child.pid ?? 0;
    const before = processTreeCpuSeconds(pid);
    const seconds = env.quick ? 15 : 60;
    await sleep(seconds * 1000);
    return ((processTreeCpuSeconds(pid) - before) / seconds) * 60;
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * @param {BenchEnv} env
 * @param {string} root
 * @param {import('../lib/git-server.mjs').GitServer} server
 * @param {string} tokenFile
 * @param {string} folder
 */
async function measureIdle(env, root, server, tokenFile, folder) {
  const settings = join(root, 'kiosk-settings.yaml');
  await writeFile(
    settings,
    [
      'ca_file: ' + server.caFile,
      'content:',
      `  source: ${server.url('content.git')}`,
      `  token_file: ${tokenFile}`,
      '  update_minutes: 5',
      '',
    ].join('\n'),
  );
  const repositoryCpuPerMinute = await idleCpuPerMinute(env, ['--settings', settings]);
  const folderCpuPerMinute = await idleCpuPerMinute(env, ['--content', folder]);
  return { seconds: env.quick ? 15 : 60, repositoryCpuPerMinute, folderCpuPerMinute };
}
