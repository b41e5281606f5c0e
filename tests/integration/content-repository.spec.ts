import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSigningKey } from '../../bench/lib/git-repository.mjs';
import { forkAgent } from '../../src/node/content/agent-fork';
import { createMemoryLastGoodStore, type LastGoodStore } from '../../src/node/content/last-good';
import type { RepositorySettings } from '../../src/node/kiosk-settings';
import {
  startRepositoryContent,
  type RepositoryContentService,
} from '../../src/node/source/repository-content';
import { STATE_FILE } from '../../src/node/source/revisions';
import { systemClock } from '../../src/shared/clock';
import { formatProblem } from '../../src/shared/content';
import { slideText, startRepositoryBench, TOKEN, type RepositoryBench } from '../support/content-repository';

/**
 * The kiosk's content taken from a real repository: git's http-backend over HTTPS on 127.0.0.1,
 * with a token, the built content agent forked as the preview forks it, and the system's git.
 */
const BUILT = resolve('out/main');

let bench: RepositoryBench;
let services: RepositoryContentService[] = [];
let lines: string[] = [];
const log = {
  info: (line: string) => lines.push(`info ${line}`),
  warn: (line: string) => lines.push(`warn ${line}`),
  error: (line: string) => lines.push(`error ${line}`),
};

beforeEach(async () => {
  lines = [];
  bench = await startRepositoryBench();
});
afterEach(async () => {
  for (const service of services) service.close();
  services = [];
  await bench.close();
});

async function kiosk(
  settings: RepositorySettings = bench.settings(),
  folder = bench.kioskFolder('kiosk'),
  store: LastGoodStore = createMemoryLastGoodStore(),
  options: { waitForFirstUpdate?: boolean; env?: Record<string, string> } = {},
) {
  const service = await startRepositoryContent({
    settings,
    folder,
    spawnAgent: forkAgent(BUILT),
    store,
    clock: systemClock,
    log,
    env: { PATH: process.env.PATH, ...options.env },
    random: () => 0.5,
    waitForFirstUpdate: options.waitForFirstUpdate ?? true,
  });
  services.push(service);
  return service;
}

const titles = (service: RepositoryContentService) =>
  service.getContent().deck?.slides.map((slide) => slide.title) ?? [];
const messages = (service: RepositoryContentService) => service.getContent().problems.map(formatProblem);

/** After an update, the live content reloads from the new revision: wait for it. */
async function updated(service: RepositoryContentService) {
  const result = await service.source.updateNow();
  await service.reload();
  return result;
}

describe('content from a git repository', { timeout: 30_000 }, () => {
  it('clones the repository at start and shows its slides, with the token sent only as git asks for it', async () => {
    const service = await kiosk();
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
    expect(service.source.status()).toMatchObject({
      branch: 'main',
      shown: { sha: bench.first, subject: 'Three slides', author: 'Clinic Staff' },
      newest: { sha: bench.first },
      failing: null,
      refused: null,
    });
    const basic = `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
    expect(bench.server.requests.some((request) => request.authorization === basic)).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKEN);
    // The revision's pictures are served like a folder's.
    expect(service.getContent().deck?.slides[0]?.image).toMatch(/^content\/images\/square\.svg\?v=/);
  });

  it('shows a new commit after the next update, and keeps the revision before it', async () => {
    const service = await kiosk();
    await bench.repo.write({ 'slides/04-fourth.md': slideText('Fourth slide') });
    const sha = await bench.repo.commit('Add a fourth slide');
    const result = await updated(service);
    expect(result.outcome).toBe('switched');
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide', 'Fourth slide']);
    expect(service.source.status().shown?.sha).toBe(sha);
    const kept = readdirSync(join(bench.kioskFolder('kiosk'), 'revisions')).sort();
    expect(kept).toEqual([bench.first, sha].sort());
    expect(lines).toContainEqual(
      expect.stringMatching(/^info showing revision [0-9a-f]{7} "Add a fourth slide"/),
    );
  });

  it('refuses a commit with a broken slide, keeps the content it shows, and says which revision and why', async () => {
    const service = await kiosk();
    await bench.repo.write({ 'slides/02-second.md': '---\nsummary: The title was deleted.\n---\n' });
    const broken = await bench.repo.commit('Break the second slide');
    expect((await updated(service)).outcome).toBe('refused');
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
    expect(service.source.status().shown?.sha).toBe(bench.first);
    expect(service.source.status().refused).toMatchObject({
      revision: { sha: broken },
      reason: 'has errors',
    });
    expect(messages(service)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\. revision ${broken.slice(0, 7)} "Break the second slide" \\(Clinic Staff, .*\\) is not shown: it has errors; the kiosk keeps showing revision ${bench.first.slice(0, 7)}`,
        ),
      ),
      'slides/02-second.md:2:1 title is missing: every slide needs a title',
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(`^error revision ${broken.slice(0, 7)} .* is not shown: it has errors`),
    );
    expect(existsSync(join(bench.kioskFolder('kiosk'), 'revisions', broken))).toBe(false);

    // A revert of the broken commit is a new revision without errors: it is shown.
    const revert = await bench.repo.revert(broken);
    expect((await updated(service)).outcome).toBe('switched');
    expect(service.source.status()).toMatchObject({ shown: { sha: revert }, refused: null });
    expect(messages(service)).toEqual([]);
  });

  it('keeps the content and says so when the server goes away, and updates again when it is back', async () => {
    const service = await kiosk();
    const port = bench.server.port;
    await bench.server.close();
    expect((await updated(service)).outcome).toBe('unreachable');
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
    expect(service.source.status().failing?.message).toMatch(/the repository’s server cannot be reached/);
    expect(messages(service)[0]).toMatch(
      /^\. the content could not be updated since .*: the repository’s server cannot be reached/,
    );

    const { startGitServer } = await import('../../bench/lib/git-server.mjs');
    const again = await startGitServer({ root: bench.base, token: TOKEN, port });
    try {
      await bench.repo.write({ 'slides/04-fourth.md': slideText('Back online') });
      await bench.repo.commit('Add a slide while the kiosk was offline');
      const settingsWithNewCa = { ...bench.settings(), caFile: again.caFile };
      service.close();
      const restarted = await kiosk(settingsWithNewCa);
      expect(titles(restarted)).toContain('Back online');
      expect(restarted.source.status().failing).toBeNull();
    } finally {
      await again.close();
    }
  });

  it('starts on the revision it has, without waiting for the repository, after a restart offline', async () => {
    const folder = bench.kioskFolder('kiosk');
    const first = await kiosk(bench.settings(), folder);
    first.close();
    await bench.server.close();
    const restarted = await kiosk(bench.settings(), folder, createMemoryLastGoodStore(), {
      waitForFirstUpdate: false,
    });
    await restarted.reload();
    expect(titles(restarted)).toEqual(['First slide', 'Second slide', 'Third slide']);
    expect(restarted.source.status().shown?.sha).toBe(bench.first);
  });

  it('takes a revision off the screen when asked, goes back to the one before, and never shows it again', async () => {
    const service = await kiosk();
    await bench.repo.write({ 'slides/04-fourth.md': slideText('Crashes the screen') });
    const bad = await bench.repo.commit('A slide the screen cannot show');
    await updated(service);
    expect(titles(service)).toContain('Crashes the screen');

    expect(
      await service.source.withdraw(bad, 'the screen failed 3 times within 10 minutes of showing it'),
    ).toBe(true);
    await service.reload();
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
    expect(service.source.status()).toMatchObject({
      shown: { sha: bench.first },
      refused: { revision: { sha: bad }, withdrawn: true },
    });
    expect(messages(service)[0]).toMatch(
      new RegExp(`^\\. revision ${bad.slice(0, 7)} .* was taken off the screen`),
    );
    expect((await updated(service)).outcome).toBe('refused');
    expect(service.source.status().shown?.sha).toBe(bench.first);
    const state = JSON.parse(readFileSync(join(bench.kioskFolder('kiosk'), STATE_FILE), 'utf8')) as {
      withdrawn: { sha: string }[];
    };
    expect(state.withdrawn.map((entry) => entry.sha)).toEqual([bad]);
  });

  it('shows a site’s folder with the shared slides it includes, and a change to them reaches it', async () => {
    await bench.repo.write({
      'common/slides/90-hand-washing.md': slideText('Wash your hands', 'image: images/soap.svg\n'),
      'common/images/soap.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      'sites/north/kiosk.yaml': 'title: North clinic\ninclude: ../../common\n',
      'sites/north/slides/01-welcome.md': slideText('Welcome to North'),
      'sites/south/kiosk.yaml': 'title: South clinic\ninclude: ../../common\n',
      'sites/south/slides/01-welcome.md': slideText('Welcome to South'),
    });
    await bench.repo.commit('Two sites with shared slides');
    const north = await kiosk(bench.settings({ path: 'sites/north' }), bench.kioskFolder('north'));
    const south = await kiosk(bench.settings({ path: 'sites/south' }), bench.kioskFolder('south'));
    expect(titles(north)).toEqual(['Welcome to North', 'Wash your hands']);
    expect(titles(south)).toEqual(['Welcome to South', 'Wash your hands']);
    expect(north.getContent().deck?.slides[1]?.image).toMatch(/^content\/@include-1\/images\/soap\.svg\?v=/);

    await bench.repo.write({ 'common/slides/90-hand-washing.md': slideText('Wash your hands often') });
    await bench.repo.commit('One change for every site');
    await updated(north);
    await updated(south);
    expect(titles(north)).toEqual(['Welcome to North', 'Wash your hands often']);
    expect(titles(south)).toEqual(['Welcome to South', 'Wash your hands often']);
  });

  it('refuses a revision without the folder the kiosk shows, saying which folder', async () => {
    const service = await kiosk(bench.settings({ path: 'sites/east' }));
    expect(service.getContent().deck).toBeNull();
    expect(service.source.status().refused?.reason).toMatch(/^has no folder sites\/east \(check the path/);
  });

  it('says plainly when the token is wrong, and never logs it', async () => {
    const wrong = join(bench.base, 'wrong-token');
    writeFileSync(wrong, 'not-the-token\n', { mode: 0o600 });
    const service = await kiosk(bench.settings({ tokenFile: wrong }));
    expect(service.source.status().failing?.message).toMatch(
      /the repository refused the kiosk’s token or deploy key/,
    );
    expect(lines.join('\n')).not.toContain('not-the-token');
  });

  it('never puts the token on git’s command line, nor in git’s configuration on disk', async () => {
    // The settings' git program: a stand-in that records its arguments, then runs the real git.
    const calls = join(bench.base, 'git-calls');
    const wrapper = join(bench.base, 'recording-git');
    writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec git "$@"\n`, { mode: 0o755 });
    const service = await kiosk(bench.settings({ gitProgram: wrapper }));
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
    const recorded = readFileSync(calls, 'utf8');
    expect(recorded).toContain('fetch --quiet --no-tags');
    expect(recorded).not.toContain(TOKEN);
    const mirrorConfig = readFileSync(join(bench.kioskFolder('kiosk'), 'mirror.git', 'config'), 'utf8');
    expect(mirrorConfig).not.toContain(TOKEN);
    expect(mirrorConfig).not.toContain('127.0.0.1');
  });

  it('takes the token from KIOSK_SOURCE_TOKEN when the settings name no file', async () => {
    const { tokenFile: _tokenFile, ...withoutFile } = bench.settings();
    const service = await kiosk(withoutFile, bench.kioskFolder('kiosk'), createMemoryLastGoodStore(), {
      env: { KIOSK_SOURCE_TOKEN: TOKEN },
    });
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
  });

  it('warns once when the token file can be read by other users', async () => {
    chmodSync(bench.tokenFile, 0o644);
    await kiosk();
    expect(lines.filter((line) => line.includes('can be read by other users'))).toHaveLength(1);
  });
});

describe('signed revisions only', { timeout: 30_000 }, () => {
  it('refuses an unsigned revision and one signed by an unknown key, and shows one signed by an allowed key', async () => {
    const keys = join(bench.base, 'keys');
    mkdirSync(keys);
    const clinic = await makeSigningKey(keys, 'content-editor');
    const stranger = await makeSigningKey(keys, 'stranger');
    const allowedSigners = join(keys, 'allowed_signers');
    writeFileSync(allowedSigners, clinic.allowedSigners);

    await bench.repo.write({ 'slides/01-first.md': slideText('Signed by the clinic') });
    const signed = await bench.repo.commit('Signed change', { signWith: clinic.key });
    const service = await kiosk(bench.settings({ allowedSignersFile: allowedSigners }));
    expect(service.source.status().shown?.sha).toBe(signed);
    expect(titles(service)[0]).toBe('Signed by the clinic');

    await bench.repo.write({ 'slides/01-first.md': slideText('Signed by a stranger') });
    const strangers = await bench.repo.commit('Change signed by an unknown key', { signWith: stranger.key });
    expect((await updated(service)).outcome).toBe('refused');
    expect(titles(service)[0]).toBe('Signed by the clinic');
    expect(service.source.status().refused?.reason).toMatch(
      /^is signed by a key that is not in the allowed signers file \(key SHA256:/,
    );
    expect(messages(service)[0]).toMatch(
      new RegExp(
        `^\\. revision ${strangers.slice(0, 7)} .* is signed by a key that is not in the allowed signers file`,
      ),
    );

    await bench.repo.write({ 'slides/01-first.md': slideText('Not signed at all') });
    await bench.repo.commit('Unsigned change');
    expect((await updated(service)).outcome).toBe('refused');
    expect(service.source.status().refused?.reason).toMatch(/^is not signed/);
    expect(titles(service)[0]).toBe('Signed by the clinic');
  });
});

describe('an SSH repository with a deploy key', { timeout: 30_000 }, () => {
  it('runs ssh with the deploy key and the known hosts only, in batch mode, and never with the token', async () => {
    // A stand-in ssh on the PATH: it records how git called it, then runs the command git asked
    // the server to run (git-upload-pack) on this computer, as git's own tests do.
    const bin = join(bench.base, 'bin');
    mkdirSync(bin);
    const calls = join(bench.base, 'ssh-calls');
    writeFileSync(
      join(bin, 'ssh'),
      `#!/bin/sh\nprintf '%s\\n' "$@" >> '${calls}'\nprintf '%s\\n' '--' >> '${calls}'\nfor last; do :; done\nexec sh -c "$last"\n`,
      { mode: 0o755 },
    );
    const key = join(bench.base, 'deploy_key');
    writeFileSync(key, 'not a real key: the stand-in ssh never reads it\n', { mode: 0o600 });
    const { checkRepositoryAddress } = await import('../../src/node/git/repository-address');
    const address = checkRepositoryAddress(`git@127.0.0.1:${join(bench.base, 'content.git')}`);
    if (!address.ok) throw new Error(address.message);
    const service = await kiosk(
      { ...bench.settings(), address: address.value, sshKeyFile: key },
      bench.kioskFolder('ssh'),
      createMemoryLastGoodStore(),
      { env: { PATH: `${bin}:${process.env.PATH ?? ''}`, KIOSK_SOURCE_TOKEN: TOKEN } },
    );
    expect(titles(service)).toEqual(['First slide', 'Second slide', 'Third slide']);
    const recorded = readFileSync(calls, 'utf8');
    expect(recorded).toContain(`IdentityFile=${key}`);
    expect(recorded).toContain('IdentitiesOnly=yes');
    expect(recorded).toContain('BatchMode=yes');
    expect(recorded).toContain('StrictHostKeyChecking=accept-new');
    expect(recorded).toMatch(/^git@127\.0\.0\.1$/m);
    expect(recorded).not.toContain(TOKEN);
  });
});
