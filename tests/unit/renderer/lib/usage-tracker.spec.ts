import { describe, expect, it } from 'vitest';
import { UsageTracker, type Sighting } from '../../../../src/renderer/src/lib/usage-tracker';
import type { UsageEvent } from '../../../../src/shared/usage';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const at = (seconds: number) => T0 + seconds * 1000;

const loop = (id: string, language = 'en'): Sighting => ({
  kiosk: 'attract',
  slide: { id, language },
  panel: 'none',
  hidden: false,
  closed: false,
  urgent: undefined,
  info: [],
});
const touch = (id: string, extra: Partial<Sighting> = {}): Sighting => ({
  ...loop(id),
  kiosk: 'touch',
  ...extra,
});

function tracker() {
  const events: UsageEvent[] = [];
  return { events, tracker: new UsageTracker((event) => events.push(event)) };
}

describe('proof of play', () => {
  it('records each slide of the loop with its start, how long it showed, and its language', () => {
    const { events, tracker: usage } = tracker();
    usage.observe(loop('01-a'), at(0));
    usage.observe(loop('01-a', 'es'), at(10));
    usage.observe(loop('02-b'), at(20));
    expect(events).toEqual([
      { type: 'shown', what: 'slide', id: '01-a', language: 'en', start: at(0), seconds: 10 },
      { type: 'shown', what: 'slide', id: '01-a', language: 'es', start: at(10), seconds: 10 },
    ]);
  });

  it('records nothing of the loop while the screen is closed or the staff panel covers it', () => {
    const { events, tracker: usage } = tracker();
    usage.observe({ ...loop('01-a'), hidden: true }, at(0));
    usage.observe({ ...loop('02-b'), hidden: true }, at(10));
    expect(events).toEqual([]);
  });

  it('records an urgent notice in each language it showed, and an information band beside the loop', () => {
    const { events, tracker: usage } = tracker();
    const urgent = (language: string): Sighting => ({
      ...loop('01-a'),
      kiosk: undefined,
      slide: undefined,
      urgent: { id: 'snow', language },
    });
    usage.observe(urgent('en'), at(0));
    usage.observe(urgent('es'), at(15));
    usage.observe({ ...loop('01-a'), info: [{ id: 'lift', language: 'en' }] }, at(30));
    usage.end(at(40));
    expect(events).toEqual([
      { type: 'shown', what: 'notice', id: 'snow', language: 'en', start: at(0), seconds: 15 },
      { type: 'shown', what: 'notice', id: 'snow', language: 'es', start: at(15), seconds: 15 },
      { type: 'shown', what: 'slide', id: '01-a', language: 'en', start: at(30), seconds: 10 },
      { type: 'shown', what: 'notice', id: 'lift', language: 'en', start: at(30), seconds: 10 },
    ]);
  });
});

describe('touch sessions', () => {
  it('records a session from its first touch to Back to start, with the slides viewed and what was opened', () => {
    const { events, tracker: usage } = tracker();
    usage.observe(loop('01-a'), at(0));
    usage.observe(touch('01-a'), at(5));
    usage.observe(touch('01-a', { panel: 'details' }), at(8));
    usage.observe(touch('01-a'), at(20));
    usage.observe(touch('01-a', { panel: 'topics' }), at(22));
    usage.observe(touch('03-c'), at(24));
    usage.languageChosen('es', at(26));
    usage.observe(touch('03-c', { slide: { id: '03-c', language: 'es' } }), at(26));
    usage.backPressed();
    usage.observe(loop('01-a'), at(40));
    const session = at(5);
    expect(events).toEqual([
      { type: 'shown', what: 'slide', id: '01-a', language: 'en', start: at(0), seconds: 5 },
      { type: 'viewed', session, at: at(5), id: '01-a', language: 'en' },
      { type: 'details', session, at: at(8), id: '01-a', language: 'en' },
      { type: 'topics', session, at: at(22) },
      { type: 'viewed', session, at: at(24), id: '03-c', language: 'en' },
      { type: 'language', session, at: at(26), language: 'es' },
      { type: 'session', start: session, seconds: 35, ended: 'back' },
    ]);
  });

  it('says a session ended by itself when nobody touched the screen', () => {
    const { events, tracker: usage } = tracker();
    usage.observe(touch('01-a'), at(0));
    usage.observe({ ...touch('01-a'), kiosk: 'warning' }, at(60));
    usage.observe(loop('01-a'), at(70));
    expect(events.at(-1)).toEqual({ type: 'session', start: at(0), seconds: 70, ended: 'idle' });
  });

  it('says a session ended for an urgent notice, or because the screen closed', () => {
    const first = tracker();
    first.tracker.observe(touch('01-a'), at(0));
    first.tracker.observe(
      { ...loop('01-a'), kiosk: undefined, slide: undefined, urgent: { id: 'snow', language: 'en' } },
      at(9),
    );
    expect(first.events).toContainEqual({ type: 'session', start: at(0), seconds: 9, ended: 'notice' });
    const second = tracker();
    second.tracker.observe({ ...touch('01-a'), closed: true }, at(0));
    second.tracker.observe({ ...loop('01-a'), closed: true, hidden: true }, at(120));
    expect(second.events).toContainEqual({ type: 'session', start: at(0), seconds: 120, ended: 'closed' });
  });

  it('records a QR code shown with each slide that has one, once per slide looked at in a session', () => {
    const { events, tracker: usage } = tracker();
    const withCode = (id: string, extra: Partial<Sighting> = {}) =>
      touch(id, { slide: { id, language: 'en', qrCode: true }, ...extra });
    usage.observe({ ...loop('01-a'), slide: { id: '01-a', language: 'en', qrCode: true } }, at(1));
    usage.observe(withCode('01-a'), at(2));
    usage.observe(withCode('01-a', { panel: 'details' }), at(3));
    usage.observe(touch('02-b'), at(4));
    usage.observe(withCode('01-a'), at(5));
    expect(events.filter((event) => event.type === 'qr')).toEqual([
      { type: 'qr', session: at(2), at: at(2), id: '01-a' },
      { type: 'qr', session: at(2), at: at(5), id: '01-a' },
    ]);
  });

  it('records Listen used on a slide in the session', () => {
    const { events, tracker: usage } = tracker();
    usage.listenUsed('01-a', at(1));
    usage.observe(touch('01-a'), at(2));
    usage.listenUsed('01-a', at(4));
    expect(events.slice(1)).toEqual([{ type: 'listen', session: at(2), at: at(4), id: '01-a' }]);
  });
});
