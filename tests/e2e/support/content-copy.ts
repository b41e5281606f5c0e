import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addHeavySlides, makeHostileFolder } from '../../support/hostile-folder';

const FIXTURES = join(__dirname, '../../fixtures');

/**
 * For `test.use({ content: editableCopyOf('three-slides') })`: the kiosk shows a fresh copy of a
 * fixture in a temporary folder, which the test may edit as staff would; it is removed afterwards.
 */
export function editableCopyOf(fixture: string) {
  return async (
    { browserName: _browserName }: { browserName: string },
    use: (dir: string) => Promise<void>,
  ) => {
    const base = mkdtempSync(join(tmpdir(), 'kiosk-e2e-content-'));
    const dir = join(base, 'content');
    cpSync(join(FIXTURES, fixture), dir, { recursive: true });
    await use(dir);
    rmSync(base, { recursive: true, force: true });
  };
}

/**
 * For `test.use({ content: hostileFolder() })`: three good slides beside every kind of hostile
 * file (tests/support/hostile-folder.ts) and twenty heavy ones, made in a temporary folder.
 */
export function hostileFolder() {
  return async (
    { browserName: _browserName }: { browserName: string },
    use: (dir: string) => Promise<void>,
  ) => {
    const base = mkdtempSync(join(tmpdir(), 'kiosk-e2e-hostile-'));
    const dir = join(base, 'content');
    makeHostileFolder(dir, FIXTURES);
    addHeavySlides(dir);
    await use(dir);
    rmSync(base, { recursive: true, force: true });
  };
}
