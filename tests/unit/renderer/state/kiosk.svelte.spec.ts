import { describe, expect, it } from 'vitest';
import type { LocalizedDeck } from '../../../../src/shared/content';
import { KioskModel } from '../../../../src/renderer/src/state/kiosk.svelte';
import { FakeClock } from '../../support/fake-clock';
import { deck, slide } from '../fake-api';

const arabic: LocalizedDeck = {
  language: 'ar',
  title: 'العيادة',
  slides: [slide('01', 'واحد', 'ar'), slide('02', 'اثنان', 'ar')],
};

describe('the kiosk on screen', () => {
  it('loops by itself on the clock it is given', () => {
    const clock = new FakeClock();
    const kiosk = new KioskModel(deck(['One', 'Two']), clock);
    expect(kiosk.slide?.title).toBe('One');
    clock.advance(10_000);
    expect(kiosk.slide?.title).toBe('Two');
    kiosk.dispose();
  });

  it('shows the chosen language: its slides, its words and its direction', () => {
    const kiosk = new KioskModel(deck(['One', 'Two'], [arabic]), new FakeClock());
    kiosk.activity();
    kiosk.chooseLanguage('ar');
    expect(kiosk.language).toBe('ar');
    expect(kiosk.slide?.title).toBe('واحد');
    expect(kiosk.rightToLeft).toBe(true);
    expect(kiosk.languages).toEqual(['en', 'ar']);
    kiosk.dispose();
  });

  it('speaks the chosen language’s words, the staff’s where they give them, and follows new ones', () => {
    const kiosk = new KioskModel(deck(['One', 'Two'], [arabic]), new FakeClock());
    kiosk.activity();
    kiosk.chooseLanguage('ar');
    expect(kiosk.text).toMatchObject({ lang: 'ar', dir: 'rtl', next: 'التالي' });
    kiosk.replaceDeck({ ...deck(['One', 'Two'], [arabic]), uiWords: { ar: { next: 'بعده' } } });
    expect(kiosk.text.next).toBe('بعده');
    expect(kiosk.text.close).toBe('إغلاق');
    kiosk.dispose();
  });

  it('keeps a patient on their slide and language when new content arrives, found by file name', () => {
    const kiosk = new KioskModel(deck(['One', 'Two'], [arabic]), new FakeClock());
    kiosk.activity();
    kiosk.next();
    kiosk.chooseLanguage('ar');
    const reordered = { ...deck(['Zero', 'One', 'Two'], [arabic]) };
    const renamed = { ...reordered, slides: [slide('00', 'Zero'), slide('01', 'One'), slide('02', 'Two')] };
    kiosk.replaceDeck(renamed);
    expect(kiosk.view).toMatchObject({ mode: 'touch', slide: 2 });
    expect(kiosk.language).toBe('ar');
    kiosk.dispose();
  });

  it('goes back to the start of the loop when the patient’s slide is gone', () => {
    const kiosk = new KioskModel(deck(['One', 'Two']), new FakeClock());
    kiosk.activity();
    kiosk.next();
    kiosk.replaceDeck({ ...deck(['One']), slides: [slide('09', 'Other')] });
    expect(kiosk.view).toEqual({ mode: 'attract', slide: 0, language: 0 });
    kiosk.dispose();
  });

  it('stops its timers when disposed', () => {
    const clock = new FakeClock();
    const kiosk = new KioskModel(deck(['One', 'Two']), clock);
    kiosk.dispose();
    expect(clock.pendingTimers).toBe(0);
  });
});
