import { describe, expect, it } from 'vitest';
import { ScreenModel } from '../../../../src/renderer/src/state/screen.svelte';
import { FakeClock } from '../../support/fake-clock';
import { deck, fakeApi, OPEN, settle, state } from '../fake-api';

async function started(content = state(deck(['One', 'Two']))) {
  const clock = new FakeClock();
  const fake = fakeApi(content);
  const screen = new ScreenModel(fake.api, clock);
  const stop = screen.start();
  await settle();
  return { ...fake, screen, clock, stop };
}

describe('the screen’s mode, decided in one place', () => {
  it('loops, then follows the patient into touch mode', async () => {
    const { screen } = await started();
    expect(screen.mode).toBe('attract');
    screen.kiosk?.activity();
    expect(screen.mode).toBe('touch');
  });

  it('is closed outside opening hours, whatever the kiosk was doing', async () => {
    const { screen, emitSchedule } = await started();
    emitSchedule({ ...OPEN, open: false });
    expect(screen.mode).toBe('closed');
  });

  it('is the staff’s while the staff area is open, over everything else', async () => {
    const { screen, emitSchedule } = await started();
    emitSchedule({ ...OPEN, open: false });
    screen.staff.open();
    expect(screen.mode).toBe('staff');
    expect(screen.suspended).toBe(true);
  });

  it('keeps one kiosk across new content, and has none on the standby screen', async () => {
    const { screen, emitContent } = await started(state(deck(['One']), 'first'));
    const kiosk = screen.kiosk;
    expect(kiosk).toBeDefined();
    emitContent(state(deck(['One', 'Two']), 'second'));
    expect(screen.kiosk).toBe(kiosk);
    expect(screen.kiosk?.deck.slides).toHaveLength(2);
    emitContent(state(null));
    expect(screen.kiosk).toBeUndefined();
  });

  it('lets a patient reading at closing time finish', async () => {
    const { screen, emitSchedule } = await started();
    screen.kiosk?.activity();
    emitSchedule({ ...OPEN, open: false });
    expect(screen.mode).toBe('touch');
  });

  it('stops every timer and listener when stopped', async () => {
    const { screen, clock, stop, listeners } = await started();
    stop();
    expect(screen.kiosk).toBeUndefined();
    expect(clock.pendingTimers).toBe(0);
    expect(listeners()).toBe(0);
  });
});
