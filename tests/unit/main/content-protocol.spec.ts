import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silenceLog } from './log-support';
import { createAppRequestHandler, type ProtocolRoots } from '../../../src/main/protocol';

/** The app's protocol serves the content folder's pictures, and nothing else from it. */

const SECRET = 'SECRET-OUTSIDE-THE-CONTENT-FOLDER';
const base = mkdtempSync(join(tmpdir(), 'kiosk-content-protocol-'));
const roots: ProtocolRoots = { renderer: join(base, 'renderer'), content: join(base, 'content') };

beforeAll(() => {
  mkdirSync(join(roots.content, 'images'), { recursive: true });
  mkdirSync(roots.renderer, { recursive: true });
  writeFileSync(join(roots.content, 'images', 'photo.jpg'), 'jpeg');
  writeFileSync(join(roots.content, 'images', 'old.gif'), 'gif');
  writeFileSync(join(roots.content, 'kiosk.yaml'), 'title: Clinic');
  writeFileSync(join(base, 'secret.svg'), SECRET);
  symlinkSync(join(base, 'secret.svg'), join(roots.content, 'images', 'link.svg'));
  symlinkSync(join(roots.content, 'images', 'photo.jpg'), join(roots.content, 'images', 'inside.jpg'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

beforeEach(() => {
  silenceLog();
});

const get = (path: string) => createAppRequestHandler(roots)(new Request(`app://kiosk/${path}`));

describe('pictures through the app protocol', () => {
  it('serves a picture from the content folder, and one linked from inside it', async () => {
    const response = await get('content/images/photo.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/jpeg');
    expect((await get('content/images/inside.jpg')).status).toBe(200);
  });

  it('refuses a symbolic link that leads outside the content folder', async () => {
    const response = await get('content/images/link.svg');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses the settings, the slides and pictures of kinds a slide may not show', async () => {
    expect((await get('content/kiosk.yaml')).status).toBe(404);
    expect((await get('content/images/old.gif')).status).toBe(404);
  });
});
