import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/node/content/load';
import { DEFAULT_ACCESS, formatProblem } from '../../../../src/shared/content';
import { memoryFs, ROOT, slide } from './memory-fs';

const load = (accessibility: string) =>
  loadContent(
    ROOT,
    memoryFs({ 'kiosk.yaml': `title: Clinic\n${accessibility}`, 'slides/01-a.md': slide('A') }),
  );

describe('accessibility: in kiosk.yaml', () => {
  it('gives the deck what staff decided, in the page’s words', async () => {
    const state = await load(
      'accessibility:\n  volume: 60\n  quietest: 30\n  loudest: 90\n  invite_to_listen: yes\n  motion: reduced\n',
    );
    expect(state.problems).toEqual([]);
    expect(state.deck?.access).toEqual({
      listen: true,
      volume: { start: 60, lowest: 30, highest: 90 },
      inviteToListen: true,
      reducedMotion: true,
    });
  });

  it('leaves the deck without it when staff say nothing, and the page then uses the defaults', async () => {
    const state = await load('');
    expect(state.deck).not.toHaveProperty('access');
    expect(DEFAULT_ACCESS).toMatchObject({ listen: true, inviteToListen: false, reducedMotion: false });
  });

  it('fills in what is left out, and takes true and false as yes and no', async () => {
    const state = await load('accessibility:\n  listen: hide\n  invite_to_listen: false\n');
    expect(state.deck?.access).toEqual({ ...DEFAULT_ACCESS, listen: false });
  });

  it.each([
    [
      'a volume out of range',
      '  volume: 120\n',
      'kiosk.yaml:3:11 accessibility.volume must be at most 100: per cent of the computer’s own volume',
    ],
    [
      'a volume in words',
      '  volume: loud\n',
      'kiosk.yaml:3:11 accessibility.volume must be a number from 0 to 100: per cent of the computer’s own volume',
    ],
    [
      'a volume patients could not reach',
      '  volume: 30\n  quietest: 50\n',
      'kiosk.yaml:3:11 accessibility.volume must be between quietest (50) and loudest (100), where patients may set it',
    ],
    [
      'a quietest louder than the loudest',
      '  quietest: 90\n  loudest: 50\n  volume: 70\n',
      'kiosk.yaml:3:13 accessibility.quietest is louder than loudest (50): make it the smaller number',
    ],
    [
      'an invitation neither yes nor no',
      '  invite_to_listen: maybe\n',
      'kiosk.yaml:3:21 accessibility.invite_to_listen must be yes or no',
    ],
    [
      'a motion it does not know',
      '  motion: none\n',
      'kiosk.yaml:3:11 accessibility.motion must be reduced (slides change without moving) or full (they fade from one to the next)',
    ],
    [
      'a misspelt setting',
      '  volumne: 50\n',
      'kiosk.yaml:3:3 unknown setting "volumne": did you mean "volume"? Check the spelling, or remove it',
    ],
  ])('says where %s is, in plain words', async (_what, lines, message) => {
    const state = await load(`accessibility:\n${lines}`);
    expect(state.problems.map(formatProblem)).toEqual([message]);
  });
});
