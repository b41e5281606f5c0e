import { describe, expect, it } from 'vitest';
import { ScreenModel } from '../../../../src/renderer/src/state/screen.svelte';
import { FakeClock } from '../../support/fake-clock';
import { DEFAULT_ACCESS } from '../../../../src/shared/content';
import { deck, fakeApi, OPEN, settle, state } from '../fake-api';
import { fakePlayer } from '../fake-player';

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

describe('help with reading, for one patient at a time', () => {
  async function listening(
    content = state(deck(['One', 'Two'], [{ ...deck(['Uno', 'Dos']), language: 'es' }])),
  ) {
    const clock = new FakeClock();
    const fake = fakeApi(content);
    fake.api.speak.mockImplementation((request) =>
      Promise.resolve({
        ok: true,
        url: `speech/${request.language}-${request.parts[0]?.text ?? ''}.wav`,
        seconds: 2,
      }),
    );
    const { player, end } = fakePlayer();
    let reduced = false;
    const screen = new ScreenModel(fake.api, clock, { player, systemReducedMotion: () => reduced });
    const stop = screen.start();
    await settle();
    return { ...fake, screen, clock, stop, player, end, reduce: () => (reduced = true) };
  }

  it('reads the next slide as the patient moves to it', async () => {
    const { screen, player } = await listening();
    screen.kiosk?.activity();
    screen.speech.turnOn();
    await settle();
    expect(player.play).toHaveBeenLastCalledWith('speech/en-One.wav', 0.8);
    screen.kiosk?.next();
    await settle();
    expect(player.play).toHaveBeenLastCalledWith('speech/en-Two.wav', 0.8);
  });

  it('stops reading when the patient chooses another language', async () => {
    const { screen, player } = await listening();
    screen.kiosk?.activity();
    screen.speech.turnOn();
    await settle();
    screen.kiosk?.chooseLanguage('es');
    await settle();
    expect(screen.speech.on).toBe(false);
    expect(player.play).toHaveBeenCalledTimes(1);
  });

  it('does not time out while reading, and warns by a tone a patient who is not listening', async () => {
    const { screen, player, clock, end } = await listening();
    screen.kiosk?.activity();
    screen.speech.turnOn();
    await settle();
    clock.advance(120_000);
    expect(screen.mode).toBe('touch');
    end();
    screen.speech.turnOff();
    clock.advance(60_000);
    expect(screen.mode).toBe('warning');
    expect(player.chime).toHaveBeenCalledTimes(1);
  });

  it('puts text, contrast and Listen back as staff set them when the patient leaves', async () => {
    const { screen, clock, end } = await listening();
    screen.kiosk?.activity();
    screen.access.toggleLargerText();
    screen.access.toggleHighContrast();
    screen.speech.turnOn();
    await settle();
    end();
    clock.advance(70_000);
    expect(screen.mode).toBe('attract');
    expect(screen.access.largerText).toBe(false);
    expect(screen.access.highContrast).toBe(false);
    expect(screen.speech.on).toBe(false);
  });

  it('puts things back once when the patient leaves, not again at every slide of the loop', async () => {
    const { screen, clock, player, end } = await listening();
    screen.kiosk?.activity();
    screen.speech.turnOn();
    await settle();
    end();
    clock.advance(70_000);
    expect(screen.mode).toBe('attract');
    const stopsOnLeaving = player.stop.mock.calls.length;
    const slides = new Set<number | undefined>();
    for (let second = 0; second < 60; second += 1) {
      clock.advance(1000);
      slides.add(screen.kiosk?.view.slide);
    }
    expect(slides.size).toBe(2);
    expect(player.stop).toHaveBeenCalledTimes(stopsOnLeaving);
  });

  it('starts Listen with the touch that answers the loop’s invitation, where staff ask for it', async () => {
    const invited = { ...deck(['One']), access: { ...DEFAULT_ACCESS, inviteToListen: true } };
    const { screen, player } = await listening(state(invited));
    screen.kiosk?.activity();
    await settle();
    expect(screen.speech.on).toBe(true);
    expect(player.play).toHaveBeenCalledWith('speech/en-One.wav', 0.8);
  });

  it('turns slide motion to a cut when staff or the computer ask for less motion', async () => {
    const { screen, reduce } = await listening();
    expect(screen.access.reducedMotion).toBe(false);
    reduce();
    expect(screen.access.reducedMotion).toBe(true);
    const calm = await listening();
    calm.emitContent(state({ ...deck(['One']), access: { ...DEFAULT_ACCESS, reducedMotion: true } }, 'r2'));
    expect(calm.screen.access.reducedMotion).toBe(true);
  });
});
