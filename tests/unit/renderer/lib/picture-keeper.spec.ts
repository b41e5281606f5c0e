import { describe, expect, it, vi } from 'vitest';
import type { Deck, Slide } from '../../../../src/shared/content';
import { createPictureKeeper, picturesOf } from '../../../../src/renderer/src/lib/picture-keeper';

const slide = (id: string, image?: string) =>
  ({
    id,
    title: id,
    summary: '',
    seconds: 10,
    language: 'en',
    ...(image ? { image } : {}),
  }) as unknown as Slide;

const deck = (slides: Slide[], translated: Slide[] = []) =>
  ({
    title: 'Clinic',
    slides,
    translations: translated.length === 0 ? [] : [{ language: 'es', title: 'Clínica', slides: translated }],
  }) as unknown as Deck;

describe('pictures of the content', () => {
  it('names every picture of every language once, and none for slides without one', () => {
    const content = deck(
      [slide('a', 'content/a.svg?v=1'), slide('b'), slide('c', 'content/c.png?v=2')],
      [slide('a', 'content/a.svg?v=1'), slide('b', 'content/b-es.png?v=3')],
    );
    expect(picturesOf(content)).toEqual(['content/a.svg?v=1', 'content/c.png?v=2', 'content/b-es.png?v=3']);
  });

  it('names none while there is no content', () => {
    expect(picturesOf(null)).toEqual([]);
    expect(picturesOf(undefined)).toEqual([]);
  });
});

describe('picture keeper', () => {
  it('loads each picture once, however often the same content arrives', () => {
    const load = vi.fn((url: string) => ({ url }));
    const keeper = createPictureKeeper(load);
    keeper.keep(['a.svg?v=1', 'b.svg?v=1']);
    keeper.keep(['a.svg?v=1', 'b.svg?v=1']);
    expect(load.mock.calls.map(([url]) => url)).toEqual(['a.svg?v=1', 'b.svg?v=1']);
  });

  it('loads a changed picture under its new address and lets go of the old one and of removed ones', () => {
    const load = vi.fn((url: string) => ({ url }));
    const keeper = createPictureKeeper(load);
    keeper.keep(['a.svg?v=1', 'b.svg?v=1']);
    keeper.keep(['a.svg?v=2']);
    expect(load).toHaveBeenLastCalledWith('a.svg?v=2');
    expect(keeper.held).toEqual(['a.svg?v=2']);
  });
});
