import { describe, expect, it } from 'vitest';
import { ScreenModel } from '../../../../src/renderer/src/state/screen.svelte';
import type { ContentState, Deck, Notice, ShowTimes } from '../../../../src/shared/content';
import { FakeClock } from '../../support/fake-clock';
import { deck, fakeApi, OPEN, settle, state } from '../fake-api';

const MORNING: ShowTimes = { hours: [{ start: 8 * 60, end: 12 * 60 }] };

/** One, Morning (08:00-12:00), Three: in UTC, which the fake schedule names. */
function timedDeck(show: ShowTimes = MORNING): Deck {
  const plain = deck(['One', 'Morning', 'Three']);
  return {
    ...plain,
    slides: plain.slides.map((slide) => (slide.title === 'Morning' ? { ...slide, show } : slide)),
  };
}

function notice(id: string, level: Notice['level'], extra: Partial<Notice> = {}): Notice {
  return {
    id,
    level,
    whenClosed: false,
    texts: [
      { language: 'en', title: `${id} title`, bodyHtml: `<p>${id} text</p>` },
      { language: 'es', title: `${id} título`, bodyHtml: `<p>${id} texto</p>` },
    ],
    ...extra,
  };
}

async function started(content: ContentState, at = '2026-03-02T11:59:50Z') {
  const clock = new FakeClock(at);
  const fake = fakeApi(content);
  const screen = new ScreenModel(fake.api, clock, { initial: content, initialSchedule: OPEN });
  const stop = screen.start();
  await settle();
  return { ...fake, screen, clock, stop };
}

const titles = (screen: ScreenModel) => screen.kiosk?.deck.slides.map((slide) => slide.title);

describe('slides by the time of day', () => {
  it('shows a timed slide in its hours, and takes it out of the loop at their end, with no reload', async () => {
    const { screen, clock } = await started(state(timedDeck()));
    const kiosk = screen.kiosk;
    expect(titles(screen)).toEqual(['One', 'Morning', 'Three']);
    clock.advance(10_000);
    expect(titles(screen)).toEqual(['One', 'Three']);
    // The same kiosk carries on: nothing was torn down, so no frame goes blank.
    expect(screen.kiosk).toBe(kiosk);
  });

  it('shows the topic list of a patient only the slides shown now', async () => {
    const { screen, clock } = await started(state(timedDeck()));
    screen.kiosk?.activity();
    screen.kiosk?.goTo(2);
    clock.advance(10_000);
    expect(screen.mode).toBe('touch');
    expect(screen.kiosk?.slide?.title).toBe('Three');
    expect(titles(screen)).toEqual(['One', 'Three']);
  });

  it('leaves a patient on the slide they are reading when its time ends, until they move on', async () => {
    const { screen, clock } = await started(state(timedDeck()));
    screen.kiosk?.activity();
    screen.kiosk?.next();
    expect(screen.kiosk?.slide?.title).toBe('Morning');
    clock.advance(10_000);
    expect(screen.kiosk?.slide?.title).toBe('Morning');
    expect(screen.mode).toBe('touch');
    screen.kiosk?.next();
    expect(screen.kiosk?.slide?.title).toBe('Three');
    expect(titles(screen)).toEqual(['One', 'Three']);
  });

  it('shows the standby screen while no slide is shown, and the slides again when one is', async () => {
    const only = { ...deck(['Morning']), slides: [{ ...deck(['Morning']).slides[0]!, show: MORNING }] };
    const { screen, clock } = await started(state(only), '2026-03-02T07:59:00Z');
    expect(screen.kiosk).toBeUndefined();
    clock.advance(60_000);
    expect(titles(screen)).toEqual(['Morning']);
  });

  it('reads the times in the kiosk’s time zone, as the schedule gives it', () => {
    const clock = new FakeClock('2026-07-06T07:30:00Z');
    const content = state(timedDeck());
    const fake = fakeApi(content);
    const screen = new ScreenModel(fake.api, clock, {
      initial: content,
      initialSchedule: { ...OPEN, timeZone: 'Europe/London' },
    });
    // 08:30 in London in summer.
    expect(titles(screen)).toEqual(['One', 'Morning', 'Three']);
  });
});

describe('notices', () => {
  it('puts an urgent notice in place of the loop and of touch mode, and brings the loop back after it', async () => {
    const content = state(deck(['One', 'Two']));
    const snow = notice('snow', 'urgent', { until: { date: '2026-03-02', minute: 12 * 60 } });
    const { screen, clock, emitContent } = await started(content);
    screen.kiosk?.activity();
    emitContent({ ...content, notices: [snow] });
    expect(screen.mode).toBe('notice');
    expect(screen.kiosk).toBeUndefined();
    expect(screen.urgent?.current?.text.title).toBe('snow title');
    clock.advance(10_000);
    expect(screen.urgent).toBeUndefined();
    expect(screen.mode).toBe('attract');
    expect(screen.kiosk?.slide?.title).toBe('One');
  });

  it('shows an urgent notice in each of its languages in turn; a touch does not dismiss it', async () => {
    const { screen, clock } = await started({ ...state(deck(['One'])), notices: [notice('snow', 'urgent')] });
    expect(screen.urgent?.current?.text.language).toBe('en');
    screen.schedule.wake();
    clock.advance(10_000);
    expect(screen.urgent?.current?.text.language).toBe('es');
    clock.advance(10_000);
    expect(screen.urgent?.current?.text.language).toBe('en');
    expect(screen.mode).toBe('notice');
  });

  it('shows an urgent notice outside opening hours only when it says when_closed: show', async () => {
    const closed = { ...OPEN, open: false };
    const plain = notice('plain', 'urgent');
    const night = notice('night', 'urgent', { whenClosed: true });
    const { screen, emitSchedule, emitContent } = await started({
      ...state(deck(['One'])),
      notices: [plain],
    });
    emitSchedule(closed);
    expect(screen.mode).toBe('closed');
    emitContent({ ...state(deck(['One'])), notices: [plain, night] });
    expect(screen.mode).toBe('notice');
    expect(screen.urgent?.turns.map((turn) => turn.notice.id)).toEqual(['night', 'night']);
  });

  it('wakes to the urgent notice when the closed screen is touched', async () => {
    const { screen, emitSchedule } = await started({
      ...state(deck(['One'])),
      notices: [notice('plain', 'urgent')],
    });
    emitSchedule({ ...OPEN, open: false });
    expect(screen.mode).toBe('closed');
    screen.schedule.wake();
    expect(screen.mode).toBe('notice');
  });

  it('keeps an information notice beside the loop and touch mode, and ends it at its time', async () => {
    const info = notice('parking', 'info', { until: { date: '2026-03-02', minute: 12 * 60 } });
    const { screen, clock } = await started({ ...state(deck(['One', 'Two'])), notices: [info] });
    expect(screen.info).toEqual([info]);
    expect(screen.mode).toBe('attract');
    screen.kiosk?.activity();
    expect(screen.info).toEqual([info]);
    clock.advance(10_000);
    expect(screen.info).toEqual([]);
  });

  it('shows a notice without slides to show', async () => {
    const { screen } = await started({ ...state(null), notices: [notice('snow', 'urgent')] });
    expect(screen.mode).toBe('notice');
  });

  it('stops every timer when stopped, the notices’ and the slides’ times included', async () => {
    const { clock, stop } = await started({ ...state(timedDeck()), notices: [notice('snow', 'urgent')] });
    stop();
    expect(clock.pendingTimers).toBe(0);
  });
});
