import { describe, expect, it, vi } from 'vitest';
import type { ScreenScript } from '../../../../src/renderer/src/lib/speech-script';
import { SpeechModel } from '../../../../src/renderer/src/state/speech.svelte';
import { fakeApi, settle } from '../fake-api';
import { fakePlayer } from '../fake-player';

const screen = (key: string, extra: Partial<ScreenScript> = {}): ScreenScript => ({
  key,
  prompt: false,
  language: 'en',
  parts: [{ kind: 'heading', text: key }],
  ...extra,
});

function listening() {
  const { api } = fakeApi();
  api.speak.mockImplementation((request) =>
    Promise.resolve({ ok: true, url: `speech/${request.parts[0]?.text ?? ''}.wav`, seconds: 2 }),
  );
  const { player, end } = fakePlayer();
  const onBusy = vi.fn<(busy: boolean) => void>();
  const speech = new SpeechModel(api, { player, onBusy });
  return { api, player, end, onBusy, speech };
}

describe('Listen', () => {
  it('reads the screen once turned on, and each new screen as it comes', async () => {
    const { player, speech } = listening();
    speech.show(screen('one'));
    await settle();
    expect(player.play).not.toHaveBeenCalled();
    speech.turnOn();
    await settle();
    expect(player.play).toHaveBeenLastCalledWith('speech/one.wav', 0.8);
    speech.show(screen('two'));
    await settle();
    expect(player.play).toHaveBeenLastCalledWith('speech/two.wav', 0.8);
    speech.show(screen('two'));
    await settle();
    expect(player.play).toHaveBeenCalledTimes(2);
  });

  it('holds the kiosk while it plays and lets go when the reading ends', async () => {
    const { onBusy, end, speech } = listening();
    speech.show(screen('one'));
    speech.turnOn();
    await settle();
    expect(speech.playing).toBe(true);
    expect(onBusy).toHaveBeenLastCalledWith(true);
    end();
    expect(speech.playing).toBe(false);
    expect(onBusy).toHaveBeenLastCalledWith(false);
  });

  it('stops at once when turned off, and a late answer plays nothing', async () => {
    const { api, player, speech } = listening();
    let answer: (url: string) => void = () => undefined;
    api.speak.mockImplementation(
      () => new Promise((resolve) => (answer = (url) => resolve({ ok: true, url, seconds: 2 }))),
    );
    speech.show(screen('one'));
    speech.turnOn();
    speech.turnOff();
    answer('speech/late.wav');
    await settle();
    expect(player.play).not.toHaveBeenCalled();
    expect(player.stop).toHaveBeenCalled();
    expect(speech.playing).toBe(false);
  });

  it('reads the same screen again from its start on Repeat', async () => {
    const { player, speech } = listening();
    speech.show(screen('one'));
    speech.turnOn();
    await settle();
    speech.repeat();
    await settle();
    expect(player.play).toHaveBeenCalledTimes(2);
  });

  it('plays the staff’s recording in place of the computer’s voice', async () => {
    const { api, player, speech } = listening();
    speech.show(screen('one', { recording: 'content/audio/one.wav?v=1' }));
    speech.turnOn();
    await settle();
    expect(player.play).toHaveBeenCalledWith('content/audio/one.wav?v=1', 0.8);
    expect(api.speak).not.toHaveBeenCalled();
  });

  it('says so when the language has no voice here', async () => {
    const { api, speech } = listening();
    api.speak.mockResolvedValue({ ok: false, reason: 'no-voice' });
    speech.show(screen('one'));
    speech.turnOn();
    await settle();
    expect(speech.problem).toBe('no-voice');
    expect(speech.playing).toBe(false);
  });

  it('keeps the volume within what staff allow, and back where they set it for the next patient', () => {
    const { player, speech } = listening();
    speech.configure({ start: 60, lowest: 50, highest: 70 });
    speech.turnOn();
    speech.louder();
    speech.louder();
    expect(speech.volume).toBe(70);
    expect(speech.canBeLouder).toBe(false);
    expect(player.setVolume).toHaveBeenLastCalledWith(0.7);
    speech.quieter();
    speech.quieter();
    speech.quieter();
    expect(speech.volume).toBe(50);
    speech.reset();
    expect(speech.volume).toBe(60);
    expect(speech.on).toBe(false);
  });

  it('reads "Still there?" over the screen, and does not read the screen again once it is answered', async () => {
    const { player, speech } = listening();
    speech.show(screen('one'));
    speech.turnOn();
    await settle();
    speech.show(screen('prompt', { prompt: true }));
    await settle();
    expect(player.play).toHaveBeenLastCalledWith('speech/prompt.wav', 0.8);
    speech.show(screen('one'));
    await settle();
    expect(player.play).toHaveBeenCalledTimes(2);
  });

  it('sounds a soft tone for "Still there?" only for a patient who is not listening', () => {
    const { player, speech } = listening();
    speech.chime();
    expect(player.chime).toHaveBeenCalledWith(0.8);
    speech.turnOn();
    speech.chime();
    expect(player.chime).toHaveBeenCalledTimes(1);
  });
});
