import { describe, expect, it } from 'vitest';
import { USAGE_SEND_EVERY_MS } from '../../../../src/renderer/src/lib/usage-recorder';
import { ScreenModel } from '../../../../src/renderer/src/state/screen.svelte';
import { UsageModel } from '../../../../src/renderer/src/state/usage.svelte';
import type { Deck } from '../../../../src/shared/content';
import type { UsageEvent } from '../../../../src/shared/usage';
import { FakeClock } from '../../support/fake-clock';
import { deck, fakeApi, OPEN, state } from '../fake-api';

function setup(spanish = false, change: (shown: Deck) => Deck = (shown) => shown) {
  const clock = new FakeClock('2026-12-07T10:00:00Z');
  const english = change(deck(['One', 'Two', 'Three']));
  const spanishEdition = { language: 'es', title: english.title, slides: english.slides };
  const content = state(spanish ? { ...english, translations: [spanishEdition] } : english);
  const fake = fakeApi(content);
  const usage = new UsageModel(fake.api, clock);
  const screen = new ScreenModel(fake.api, clock, {
    initial: content,
    initialSchedule: OPEN,
    onAction: usage.action,
  });
  /** What App.svelte's effect does whenever the screen changes. */
  const look = () => usage.observe(screen, 'en');
  const sent = () => fake.api.recordUsage.mock.calls.flatMap(([events]) => events as UsageEvent[]);
  look();
  return { clock, screen, usage, look, sent, api: fake.api };
}

describe('the page’s record of use', () => {
  it('sends what it noted every two seconds, in one batch, and nothing before', () => {
    const { clock, screen, look, sent, api } = setup();
    clock.advance(10_000);
    look();
    screen.kiosk?.activity();
    look();
    expect(api.recordUsage).not.toHaveBeenCalled();
    clock.advance(USAGE_SEND_EVERY_MS);
    expect(api.recordUsage).toHaveBeenCalledTimes(1);
    expect(sent().map((event) => event.type)).toEqual(['shown', 'shown', 'viewed']);
  });

  it('tells a session ended with Back to start from one that timed out', () => {
    const { clock, screen, look, sent } = setup();
    screen.kiosk?.activity();
    look();
    screen.kiosk?.backToStart();
    look();
    screen.kiosk?.activity();
    look();
    clock.advance(60_000);
    look();
    clock.advance(10_000);
    look();
    clock.advance(USAGE_SEND_EVERY_MS);
    expect(sent().filter((event) => event.type === 'session')).toEqual([
      expect.objectContaining({ ended: 'back' }),
      expect.objectContaining({ ended: 'idle', seconds: 70 }),
    ]);
  });

  it('records the language a patient chooses', () => {
    const { clock, screen, look, sent } = setup(true);
    screen.kiosk?.activity();
    look();
    screen.kiosk?.chooseLanguage('es');
    clock.advance(USAGE_SEND_EVERY_MS);
    expect(sent()).toContainEqual(expect.objectContaining({ type: 'language', language: 'es' }));
  });

  it('records a slide’s QR code as shown when a patient sees it in touch mode, not in the loop', () => {
    const withLink = (shown: Deck): Deck => ({
      ...shown,
      slides: shown.slides.map((slide, index) =>
        index === 0 ? { ...slide, link: 'https://example.org/back' } : slide,
      ),
    });
    const { clock, screen, look, sent } = setup(false, withLink);
    clock.advance(5_000);
    look();
    expect(sent()).toEqual([]);
    screen.kiosk?.activity();
    look();
    screen.kiosk?.next();
    look();
    clock.advance(USAGE_SEND_EVERY_MS);
    expect(sent().filter((event) => event.type === 'qr')).toEqual([
      expect.objectContaining({ type: 'qr', id: '01' }),
    ]);
  });

  it('records Listen turned on, with the slide it read, once until it is turned off', () => {
    const { clock, screen, look, sent } = setup();
    screen.kiosk?.activity();
    look();
    screen.kiosk?.next();
    look();
    screen.speech.turnOn();
    screen.speech.repeat();
    screen.speech.turnOff();
    screen.speech.repeat();
    clock.advance(USAGE_SEND_EVERY_MS);
    expect(sent().filter((event) => event.type === 'listen')).toEqual([
      expect.objectContaining({ id: '02' }),
      expect.objectContaining({ id: '02' }),
    ]);
  });

  it('sends what is left when the page goes away', () => {
    const { usage, sent, clock } = setup();
    clock.advance(3_000);
    usage.stop();
    expect(sent()).toEqual([expect.objectContaining({ type: 'shown', id: '01', seconds: 3 })]);
  });
});
