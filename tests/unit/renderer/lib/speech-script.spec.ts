import { describe, expect, it } from 'vitest';
import { uiText } from '../../../../src/renderer/src/i18n';
import { partsOfHtml, screenScript } from '../../../../src/renderer/src/lib/speech-script';
import { SPEECH_LIMITS } from '../../../../src/shared/ipc';
import { slide } from '../fake-api';

const text = uiText('en');
const slides = [slide('01', 'Flu jabs'), slide('02', 'Opening hours')];

describe('what Listen reads', () => {
  it('reads a slide’s title as a heading, then its summary', () => {
    const script = screenScript({
      view: { mode: 'touch', slide: 0, language: 0, panel: 'none' },
      slide: slides[0],
      slides,
      text,
    });
    expect(script?.parts).toEqual([
      { kind: 'heading', text: 'Flu jabs' },
      { kind: 'paragraph', text: 'Flu jabs in short.' },
    ]);
  });

  it('reads the longer text in reading order, headings and numbered items as such', () => {
    expect(
      partsOfHtml(
        '<h2>Before</h2><p>Eat   first.</p><ol start="3"><li>Bring <em>a</em> card<ul><li>old</li></ul></li><li>Wait</li></ol>',
      ),
    ).toEqual([
      { kind: 'heading', text: 'Before' },
      { kind: 'paragraph', text: 'Eat first.' },
      { kind: 'item', text: 'Bring a card', number: 3 },
      { kind: 'item', text: 'old' },
      { kind: 'item', text: 'Wait', number: 4 },
    ]);
  });

  it('reads the longer text when Learn more is open, and the topics with their numbers', () => {
    const details = screenScript({
      view: { mode: 'touch', slide: 0, language: 0, panel: 'details' },
      slide: slides[0],
      slides,
      text,
    });
    expect(details?.key).toBe('details 01 en');
    expect(details?.parts[1]).toEqual({ kind: 'paragraph', text: 'Flu jabs' });
    const topics = screenScript({
      view: { mode: 'touch', slide: 0, language: 0, panel: 'topics' },
      slide: slides[0],
      slides,
      text,
    });
    expect(topics?.parts).toEqual([
      { kind: 'heading', text: 'Choose a topic' },
      { kind: 'item', text: 'Flu jabs', number: 1 },
      { kind: 'item', text: 'Opening hours', number: 2 },
    ]);
  });

  it('reads "Still there?", the time left and the answer', () => {
    const script = screenScript({
      view: { mode: 'warning', slide: 0, language: 0, panel: 'none', secondsLeft: 10 },
      slide: slides[0],
      slides,
      text,
    });
    expect(script?.prompt).toBe(true);
    expect(script?.parts.map((part) => part.text)).toEqual([
      'Still there?',
      'Going back to the start in 10 seconds.',
      'I’m still here',
    ]);
  });

  it('reads a very long text up to what one request may carry', () => {
    const long = { ...slides[0]!, bodyHtml: '<p>word </p>'.repeat(SPEECH_LIMITS.parts + 10) };
    const script = screenScript({
      view: { mode: 'touch', slide: 0, language: 0, panel: 'details' },
      slide: long,
      slides,
      text,
    });
    expect(script?.parts.length).toBeLessThanOrEqual(SPEECH_LIMITS.parts);
  });
});
