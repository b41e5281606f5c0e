import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSigningKey } from '../../../bench/lib/git-repository.mjs';
import { startPreviewServer } from '../../../src/preview/server';
import { slideText, startRepositoryBench, type RepositoryBench } from '../../support/content-repository';
import { test } from './preview';

const ROOT = join(__dirname, '../../..');

export interface RepositoryFixtures {
  /** The content repository, served over HTTPS on 127.0.0.1 by git's http-backend. */
  repository: RepositoryBench;
  /** How often the preview fetches the branch, as `update_minutes` would set it. */
  updateMs: number;
  /** What the repository holds at first: the three-slides fixture, or two sites sharing slides. */
  layout: 'three-slides' | 'two-sites';
  /** The folder of the repository the preview shows. */
  site: string;
  /** Only revisions signed by the clinic's key are shown; the first revision is signed with it. */
  signedOnly: boolean;
  /** The clinic's signing key (in the allowed-signers file) and a stranger's, when `signedOnly`. */
  signingKeys: { clinic: string; stranger: string; allowedSignersFile: string } | undefined;
  /** What the preview told its terminal. */
  previewLog: string[];
}

/**
 * The preview showing a repository instead of a folder, as `npm run preview -- --source ...`
 * does; the page's fixtures (`kiosk`) are those of preview.ts.
 */
export const repositoryTest = test.extend<RepositoryFixtures>({
  updateMs: [2000, { option: true }],
  layout: ['three-slides', { option: true }],
  site: ['', { option: true }],
  signedOnly: [false, { option: true }],
  repository: async ({ layout }, use) => {
    const bench = await startRepositoryBench();
    if (layout === 'two-sites') {
      await bench.repo.write({
        'common/slides/90-hand-washing.md': slideText('Wash your hands', 'image: images/soap.svg\n'),
        'common/images/soap.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#1F6F6B"/></svg>',
        'sites/north/kiosk.yaml': 'title: North clinic\ninclude: ../../common\n',
        'sites/north/slides/01-welcome.md': slideText('Welcome to North'),
        'sites/south/kiosk.yaml': 'title: South clinic\ninclude: ../../common\n',
        'sites/south/slides/01-welcome.md': slideText('Welcome to South'),
      });
      await bench.repo.commit('Two sites that share slides');
    }
    await use(bench);
    await bench.close();
  },
  signingKeys: async ({ repository, signedOnly }, use) => {
    if (!signedOnly) {
      await use(undefined);
      return;
    }
    const folder = join(repository.base, 'keys');
    mkdirSync(folder);
    const clinic = await makeSigningKey(folder, 'content-editor');
    const stranger = await makeSigningKey(folder, 'stranger');
    const allowedSignersFile = join(folder, 'allowed_signers');
    writeFileSync(allowedSignersFile, clinic.allowedSigners);
    await repository.repo.commit('Signed by the clinic', { signWith: clinic.key });
    await use({ clinic: clinic.key, stranger: stranger.key, allowedSignersFile });
  },
  previewLog: async ({ browserName: _browserName }, use) => {
    await use([]);
  },
  kioskUrl: async ({ repository, updateMs, site, signingKeys, previewLog }, use) => {
    const record = (level: string) => (line: string) => previewLog.push(`${level} ${line}`);
    const server = await startPreviewServer({
      contentDir: repository.base,
      rendererDir: join(ROOT, 'out/renderer'),
      port: 0,
      log: { info: record('info'), warn: record('warn'), error: record('error') },
      repository: {
        settings: repository.settings({
          updateMs,
          path: site,
          ...(signingKeys === undefined ? {} : { allowedSignersFile: signingKeys.allowedSignersFile }),
        }),
        env: { PATH: process.env.PATH },
      },
    });
    await use(server.url);
    await server.close();
  },
});
