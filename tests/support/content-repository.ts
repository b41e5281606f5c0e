import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContentRepository, type ContentRepository } from '../../bench/lib/git-repository.mjs';
import { startGitServer, type GitServer } from '../../bench/lib/git-server.mjs';
import { checkRepositoryAddress } from '../../src/node/git/repository-address';
import type { RepositorySettings } from '../../src/node/kiosk-settings';

const FIXTURES = join(__dirname, '../fixtures');

/** The token the test server asks for; it must never appear in a log line or a command line. */
export const TOKEN = 'kiosk-test-token-4f7c2a9e';

export interface RepositoryBench {
  readonly base: string;
  readonly server: GitServer;
  readonly repo: ContentRepository;
  readonly tokenFile: string;
  /** The first commit: the three-slides fixture at the top of the repository. */
  readonly first: string;
  settings(overrides?: Partial<RepositorySettings>): RepositorySettings;
  /** A folder for a kiosk's own copy of the repository. */
  kioskFolder(name?: string): string;
  close(): Promise<void>;
}

/**
 * A content repository served over HTTPS on 127.0.0.1 by git's own http-backend, with a token,
 * holding the three-slides fixture; and the kiosk settings that read it.
 */
export async function startRepositoryBench(
  options: { fixture?: string; path?: string } = {},
): Promise<RepositoryBench> {
  const base = mkdtempSync(join(tmpdir(), 'kiosk-repository-'));
  const repo = await createContentRepository(base, 'content.git');
  await repo.copy(join(FIXTURES, options.fixture ?? 'three-slides'), options.path ?? '.');
  const first = await repo.commit('Three slides');
  const server = await startGitServer({ root: base, token: TOKEN });
  const tokenFile = join(base, 'content-token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  let kiosks = 0;
  return {
    base,
    server,
    repo,
    tokenFile,
    first,
    settings(overrides = {}) {
      const address = checkRepositoryAddress(server.url('content.git'));
      if (!address.ok) throw new Error(address.message);
      return {
        address: address.value,
        branch: 'main',
        path: options.path ?? '',
        updateMs: 5 * 60_000,
        tokenFile,
        caFile: server.caFile,
        ...overrides,
      };
    },
    kioskFolder(name = `kiosk-${(kiosks += 1)}`) {
      return join(base, name);
    },
    async close() {
      await server.close().catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A slide file's text. */
export function slideText(title: string, extra = ''): string {
  return `---\ntitle: ${title}\nsummary: From the repository.\n${extra}---\nLonger text.\n`;
}

/** Writes `text` to a file in `folder` and returns its path. */
export function fileIn(folder: string, name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}
