import { slideText } from '../support/content-repository';
import { expect, slideHeading, tapScreen, ANY_SCREEN } from './support/preview';
import { repositoryTest as test } from './support/repository-preview';

/**
 * The preview showing a content repository served by git's http-backend on 127.0.0.1, updating
 * as a kiosk does: every update interval (2 s here, give or take a fifth), checking each revision
 * before it shows it.
 */
const UPDATE_MS = 2000;
/** One update interval at its longest (jitter), plus the fetch, the check and the page's update. */
const WITHIN_ONE_INTERVAL = { timeout: UPDATE_MS * 1.2 + 1500 };

test.describe('content from a git repository', ANY_SCREEN, () => {
  test.use({ updateMs: UPDATE_MS });

  test('shows the repository’s slides from its first clone', async ({ kiosk }) => {
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByRole('button', { name: 'Content problems' })).toBeHidden();
  });

  test('shows a new commit within one update interval', async ({ kiosk, repository }) => {
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await repository.repo.write({ 'slides/01-first.md': slideText('Changed in the web editor') });
    await repository.repo.commit('Change the first slide');
    await expect(slideHeading(kiosk, 'Changed in the web editor')).toBeVisible(WITHIN_ONE_INTERVAL);
  });

  test('refuses a commit with a broken slide and keeps the slides on screen; a revert clears it', async ({
    kiosk,
    repository,
    previewLog,
  }) => {
    await repository.repo.write({
      'slides/01-first.md': '---\nsummary: The title line was deleted in the web editor.\n---\n',
    });
    const broken = await repository.repo.commit('Break the first slide');
    const marker = kiosk.getByRole('button', { name: 'Content problems' });
    await expect(marker).toBeVisible(WITHIN_ONE_INTERVAL);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(kiosk.getByText('The title line was deleted')).toBeHidden();
    await marker.click();
    const problems = kiosk.getByRole('region', { name: 'Content problems' });
    await expect(problems).toContainText(`revision ${broken.slice(0, 7)} "Break the first slide"`);
    await expect(problems).toContainText('is not shown: it has errors');
    await expect(problems).toContainText(
      'slides/01-first.md:2:1 title is missing: every slide needs a title',
    );
    expect(previewLog).toContainEqual(
      expect.stringMatching(`^error revision ${broken.slice(0, 7)} .* is not shown: it has errors`),
    );

    await repository.repo.revert(broken);
    await expect(marker).toBeHidden(WITHIN_ONE_INTERVAL);
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });

  test('keeps its slides when the server goes away, and says so', async ({
    kiosk,
    kioskUrl,
    repository,
    previewLog,
  }) => {
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await repository.server.close();
    await expect
      .poll(
        () => previewLog.find((line) => line.startsWith('warn the content repository cannot be reached')),
        WITHIN_ONE_INTERVAL,
      )
      .toMatch(/the repository’s server cannot be reached: the kiosk may be offline, or the server is down/);
    const state = (await (await kiosk.request.get(new URL('api/content', kioskUrl).href)).json()) as {
      problems: { message: string }[];
    };
    expect(state.problems[0]?.message).toMatch(
      /^the content could not be updated since .*: the repository’s server cannot be reached/,
    );
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
  });
});

test.describe('signed revisions only', ANY_SCREEN, () => {
  test.use({ updateMs: UPDATE_MS, signedOnly: true });

  test('refuses a commit signed by an unknown key', async ({ kiosk, repository, signingKeys }) => {
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await repository.repo.write({ 'slides/01-first.md': slideText('Not from the clinic') });
    const strangers = await repository.repo.commit('Signed by someone else', {
      signWith: signingKeys?.stranger,
    });
    const marker = kiosk.getByRole('button', { name: 'Content problems' });
    await expect(marker).toBeVisible(WITHIN_ONE_INTERVAL);
    await expect(marker).toHaveAttribute(
      'title',
      new RegExp(
        `revision ${strangers.slice(0, 7)} .* is not shown: it is signed by a key that is not in the allowed signers file`,
      ),
    );
    await expect(slideHeading(kiosk, 'First slide')).toBeVisible();
    await expect(slideHeading(kiosk, 'Not from the clinic')).toBeHidden();

    await repository.repo.write({ 'slides/01-first.md': slideText('Signed by the clinic') });
    await repository.repo.commit('A signed change', { signWith: signingKeys?.clinic });
    await expect(slideHeading(kiosk, 'Signed by the clinic')).toBeVisible(WITHIN_ONE_INTERVAL);
    await expect(marker).toBeHidden();
  });
});

test.describe('a site’s folder with shared slides', ANY_SCREEN, () => {
  test.use({ updateMs: UPDATE_MS, layout: 'two-sites', site: 'sites/north' });

  test('shows the site’s slides and the shared ones, and a change to a shared slide reaches it', async ({
    kiosk,
    repository,
  }) => {
    await expect(slideHeading(kiosk, 'Welcome to North')).toBeVisible();
    await tapScreen(kiosk);
    await kiosk.getByRole('button', { name: 'All topics' }).click();
    const topics = kiosk.getByRole('dialog', { name: 'Choose a topic' });
    await expect(topics.getByRole('list').getByRole('button')).toHaveText([
      '1 Welcome to North',
      '2 Wash your hands',
    ]);
    // The shared slide's picture comes from the shared folder, served like any other.
    await topics.getByRole('button', { name: 'Wash your hands', exact: true }).click();
    await expect(kiosk.getByRole('article', { name: 'Wash your hands' }).locator('img')).toHaveJSProperty(
      'naturalWidth',
      120,
    );
    await kiosk.getByRole('button', { name: 'All topics' }).click();

    await repository.repo.write({ 'common/slides/90-hand-washing.md': slideText('Wash your hands often') });
    await repository.repo.commit('One change for every site');
    await expect(topics.getByRole('button', { name: 'Wash your hands often' })).toBeVisible(
      WITHIN_ONE_INTERVAL,
    );
  });
});
