import { describe, expect, it } from 'vitest';
import { ContentFolder } from '../../../../src/node/content/folder';
import { checkPicture, pictureVersion } from '../../../../src/node/content/pictures';
import { memoryFs, MODIFIED_AT, ROOT } from './memory-fs';

const written = {
  isFile: () => true,
  isDirectory: () => false,
  size: 2048,
  mtimeMs: MODIFIED_AT,
  ctimeMs: MODIFIED_AT,
};

describe('picture addresses', () => {
  it('names the version of the file after the path, so a page may keep what it has shown', async () => {
    const files = memoryFs({ 'images/heart.svg': '<svg/>' });
    const check = await checkPicture(new ContentFolder(ROOT, files), 'images/heart.svg');
    expect(check).toEqual({
      ok: true,
      url: `content/images/heart.svg?v=${pictureVersion({ ...written, size: 6 })}`,
    });
  });

  it('gives a picture a new address when its file is saved again, even at the same size', () => {
    const before = pictureVersion(written);
    expect(pictureVersion({ ...written, mtimeMs: MODIFIED_AT + 1000 })).not.toBe(before);
    expect(pictureVersion({ ...written, size: 2049 })).not.toBe(before);
  });

  it('gives a new address to a picture copied over the old one with its old date kept', () => {
    // Copying from a USB stick may keep the modification date; the change time is the file system's own.
    expect(pictureVersion({ ...written, ctimeMs: MODIFIED_AT + 60_000 })).not.toBe(pictureVersion(written));
  });

  it('keeps the address while the file is unchanged', () => {
    expect(pictureVersion({ ...written })).toBe(pictureVersion(written));
  });
});

describe('keeping pictures to show', () => {
  it('hands each good picture to be kept, under its address', async () => {
    const kept: string[] = [];
    const files = memoryFs({ 'images/heart.svg': '<svg/>' });
    const check = await checkPicture(new ContentFolder(ROOT, files), 'images/heart.svg', (url) => {
      kept.push(url);
      return Promise.resolve();
    });
    expect(kept).toEqual([check.ok ? check.url : '']);
  });

  it('still accepts a picture it could not keep (a full disk), with a warning that says so', async () => {
    const files = memoryFs({ 'images/heart.svg': '<svg/>' });
    const check = await checkPicture(new ContentFolder(ROOT, files), 'images/heart.svg', () =>
      Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
    );
    expect(check.ok).toBe(true);
    expect(check.ok && check.warning).toMatch(/could not be kept on this computer .* disk full/);
  });
});
