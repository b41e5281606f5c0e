import { describe, expect, it, vi } from 'vitest';
import { createHttpKiosk, type HttpKioskDeps } from '../../../../src/renderer/src/lib/bridge';
import { PreviewRoute } from '../../../../src/shared/ipc';
import { deck, state } from '../fake-api';

/** The browser's fetch and EventSource, played by the test. */
function fakeBrowser(answer: Response = Response.json(state(deck(['One'])))) {
  const fetch = vi.fn((..._args: Parameters<typeof globalThis.fetch>) => Promise.resolve(answer.clone()));
  const listeners = new Set<{ type: string; listener: (event: MessageEvent<string>) => void }>();
  let opened = 0;
  const stream = {
    url: '',
    closed: false,
    addEventListener: (type: string, listener: (event: MessageEvent<string>) => void) =>
      listeners.add({ type, listener }),
    removeEventListener: (type: string, listener: (event: MessageEvent<string>) => void) => {
      for (const entry of listeners)
        if (entry.type === type && entry.listener === listener) listeners.delete(entry);
    },
    close: () => {
      stream.closed = true;
    },
  };
  const deps: HttpKioskDeps = {
    fetch,
    openEvents: (url) => {
      opened += 1;
      stream.url = url;
      stream.closed = false;
      return stream;
    },
  };
  const push = (data: string, type = 'message') => {
    for (const entry of listeners) if (entry.type === type) entry.listener(new MessageEvent(type, { data }));
  };
  return { deps, fetch, stream, push, opened: () => opened };
}

describe('the kiosk over HTTP, in the browser preview', () => {
  it('asks the preview for the content, never from a cache', async () => {
    const { deps, fetch } = fakeBrowser();
    const content = await createHttpKiosk(deps).getContent();
    expect(content.deck?.slides[0]?.title).toBe('One');
    expect(fetch).toHaveBeenCalledWith(PreviewRoute.content, { cache: 'no-store' });
  });

  it('fails, for the page to handle, when the preview answers with an error', async () => {
    const { deps } = fakeBrowser(new Response('gone', { status: 503 }));
    await expect(createHttpKiosk(deps).getContent()).rejects.toThrow('503');
  });

  it('passes on each content change from the event stream, skipping one it cannot read', () => {
    const { deps, push, stream } = fakeBrowser();
    const listener = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stop = createHttpKiosk(deps).onContentChanged(listener);
    expect(stream.url).toBe(PreviewRoute.events);
    push('{"deck": nul');
    push(JSON.stringify(state(deck(['Two']))));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ deck: { slides: [{ title: 'Two' }] } });
    stop();
    expect(stream.closed).toBe(true);
    push(JSON.stringify(state(null)));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('posts the page’s errors to the preview, for its terminal', async () => {
    const { deps, fetch } = fakeBrowser(new Response(null, { status: 204 }));
    await createHttpKiosk(deps).reportError({ where: 'a test', message: 'Error: oops' });
    expect(fetch).toHaveBeenCalledWith(PreviewRoute.errors, expect.objectContaining({ method: 'POST' }));
    const body = fetch.mock.calls[0]?.[1]?.body;
    expect(typeof body === 'string' ? JSON.parse(body) : body).toEqual({
      where: 'a test',
      message: 'Error: oops',
    });
  });

  it('asks the preview to read a screen aloud, and gives back its answer', async () => {
    const reply = { ok: true, url: `speech/${'a'.repeat(40)}.wav`, seconds: 2.5 };
    const { deps, fetch } = fakeBrowser(Response.json(reply));
    const request = { language: 'es', parts: [{ kind: 'heading' as const, text: 'Hola' }] };
    expect(await createHttpKiosk(deps).speak(request)).toEqual(reply);
    expect(fetch).toHaveBeenCalledWith(PreviewRoute.speech, expect.objectContaining({ method: 'POST' }));
    const body = fetch.mock.calls[0]?.[1]?.body;
    expect(typeof body === 'string' ? JSON.parse(body) : body).toEqual(request);
  });

  it('asks the preview for its schedule, and follows it on the same event stream as the content', async () => {
    const schedule = { open: false, nextChangeAt: null, timeZone: 'Europe/London', wakeSeconds: 120 };
    const { deps, fetch, push, stream, opened } = fakeBrowser(Response.json(schedule));
    const kiosk = createHttpKiosk(deps);
    expect(await kiosk.getSchedule()).toEqual(schedule);
    expect(fetch).toHaveBeenCalledWith(PreviewRoute.schedule, { cache: 'no-store' });
    const onSchedule = vi.fn();
    const onContent = vi.fn();
    const stopSchedule = kiosk.onScheduleChanged(onSchedule);
    const stopContent = kiosk.onContentChanged(onContent);
    expect(opened()).toBe(1);
    push(JSON.stringify({ ...schedule, open: true }), 'schedule');
    expect(onSchedule).toHaveBeenCalledExactlyOnceWith({ ...schedule, open: true });
    expect(onContent).not.toHaveBeenCalled();
    stopSchedule();
    expect(stream.closed).toBe(false);
    stopContent();
    expect(stream.closed).toBe(true);
  });

  it('never records what is done in the preview', async () => {
    const { deps, fetch } = fakeBrowser();
    const kiosk = createHttpKiosk(deps);
    await kiosk.recordUsage([{ type: 'topics', session: Date.now(), at: Date.now() }]);
    expect(fetch).not.toHaveBeenCalled();
    expect(await kiosk.getUsageSummary()).toEqual({ ok: false, reason: 'no-session' });
  });

  it('has no staff access: that belongs to the kiosk itself', async () => {
    const kiosk = createHttpKiosk(fakeBrowser().deps);
    await expect(kiosk.verifyPin('1234')).rejects.toThrow();
    expect(await kiosk.reloadContent()).toEqual({ ok: false, reason: 'no-session' });
  });
});
