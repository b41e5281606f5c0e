import { describe, expect, it } from 'vitest';
import { audioTypeOf, MAX_AUDIO_BYTES } from '../../../../src/node/content/audio';
import { loadContent } from '../../../../src/node/content/load';
import { picturesIn } from '../../../../src/node/content/picture-cache';
import { formatProblem } from '../../../../src/shared/content';
import { memoryFs, pictureUrl, ROOT, slide } from './memory-fs';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...Buffer.from(value)] : [value])));
/** The first bytes of each kind of recording the kiosk plays, then some sound. */
const WAV = bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt ', ...Array<number>(32).fill(0));
const MP3_TAGGED = bytes('ID3', 4, 0, ...Array<number>(32).fill(0));
const MP3_FRAME = bytes(0xff, 0xfb, 0x90, 0x64, ...Array<number>(32).fill(0));
const OGG = bytes('OggS', 0, 2, ...Array<number>(32).fill(0));

async function load(files: Record<string, string | Uint8Array>) {
  return loadContent(ROOT, memoryFs({ 'kiosk.yaml': 'title: Clinic\nlanguages: [en, es]\n', ...files }));
}

describe('what a recording holds', () => {
  it('knows WAV, MP3 (with a tag or without) and Ogg by their first bytes, and nothing else', () => {
    expect(audioTypeOf(WAV)).toBe('audio/wav');
    expect(audioTypeOf(MP3_TAGGED)).toBe('audio/mpeg');
    expect(audioTypeOf(MP3_FRAME)).toBe('audio/mpeg');
    expect(audioTypeOf(OGG)).toBe('audio/ogg');
    expect(audioTypeOf(bytes('<svg/>'))).toBeUndefined();
    expect(audioTypeOf(bytes(0xff, 0xe0))).toBeUndefined();
    expect(audioTypeOf(new Uint8Array())).toBeUndefined();
  });
});

describe('a slide’s recorded voice (audio:)', () => {
  it('gives each language its own recording, and a translation without one none of the slide’s', async () => {
    const state = await load({
      'slides/01-a.md': slide('A', 'audio: audio/a.mp3\n'),
      'slides/01-a.es.md': slide('A es', 'audio: audio/a.es.ogg\n'),
      'slides/02-b.md': slide('B', 'audio: audio/b.wav\n'),
      'slides/02-b.es.md': slide('B es'),
      'audio/a.mp3': MP3_TAGGED,
      'audio/a.es.ogg': OGG,
      'audio/b.wav': WAV,
    });
    expect(state.problems).toEqual([]);
    const [spanish] = state.deck?.translations ?? [];
    expect(state.deck?.slides.map((shown) => shown.audio)).toEqual([
      pictureUrl('content/audio/a.mp3'),
      pictureUrl('content/audio/b.wav'),
    ]);
    expect(spanish?.slides.map((shown) => shown.audio)).toEqual([
      pictureUrl('content/audio/a.es.ogg'),
      undefined,
    ]);
    // Kept in the cache with the pictures, and so never pruned while the deck plays it.
    expect([...picturesIn(state.deck ?? null)].filter((url) => url.includes('audio/'))).toHaveLength(3);
  });

  it('hands each good recording to be kept, under its address', async () => {
    const kept: string[] = [];
    const state = await loadContent(
      ROOT,
      memoryFs({
        'kiosk.yaml': 'title: Clinic\n',
        'slides/01-a.md': slide('A', 'audio: audio/a.wav\n'),
        'audio/a.wav': WAV,
      }),
      {
        keepPicture: (url) => {
          kept.push(url);
          return Promise.resolve();
        },
      },
    );
    expect(kept).toEqual([state.deck?.slides[0]?.audio]);
  });

  it.each([
    ['a file that is not there', 'audio/missing.mp3', {}, /audio "audio\/missing.mp3" was not found/],
    ['a web address', 'https://example.org/a.mp3', {}, /is a web address/],
    ['a path out of the folder', '../a.mp3', {}, /is outside the content folder/],
    [
      'a kind the kiosk does not play',
      'audio/a.m4a',
      { 'audio/a.m4a': MP3_TAGGED },
      /is not a WAV, MP3 or Ogg recording/,
    ],
    [
      'a file that is not what its name says',
      'audio/a.mp3',
      { 'audio/a.mp3': bytes('<html>not a sound</html>') },
      /is not an MP3 recording inside, whatever its name says/,
    ],
    ['a WAV named as an Ogg', 'audio/a.ogg', { 'audio/a.ogg': WAV }, /is not an Ogg recording inside/],
    [
      'a file far too big for a slide',
      'audio/a.wav',
      { 'audio/a.wav': new Uint8Array(MAX_AUDIO_BYTES + 1) },
      /is too big \(16\.0 MB\): a recording must be under 16\.0 MB/,
    ],
  ])(
    'refuses %s, says where, and reads the slide with the computer’s voice',
    async (_what, path, files, message) => {
      const state = await load({ 'slides/01-a.md': slide('A', `audio: ${path}\n`), ...files });
      const problems = state.problems.filter((problem) => problem.message.startsWith('audio'));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', file: 'slides/01-a.md', line: 4 });
      expect(formatProblem(problems[0]!)).toMatch(message);
      expect(state.deck?.slides[0]?.audio).toBeUndefined();
    },
  );
});
