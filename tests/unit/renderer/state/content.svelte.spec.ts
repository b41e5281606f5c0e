import { describe, expect, it, vi } from 'vitest';
import { sendErrorsTo } from '../../../../src/renderer/src/lib/errors';
import { ContentModel } from '../../../../src/renderer/src/state/content.svelte';
import { deck, fakeApi, settle, state } from '../fake-api';

describe('the content on screen', () => {
  it('has nothing until the kiosk answers, then the content it gave', async () => {
    const { api } = fakeApi(state(deck(['One'])));
    const content = new ContentModel(api);
    content.start();
    expect(content.state).toBeUndefined();
    await settle();
    expect(content.state?.deck?.slides.map((slide) => slide.title)).toEqual(['One']);
  });

  it('shows the content the page came with at once, then catches up with a change made since', async () => {
    const given = state(deck(['Given']), 'given');
    const { api } = fakeApi(state(deck(['Given', 'Added since']), 'newer'));
    const content = new ContentModel(api, undefined, given);
    content.start();
    expect(content.state).toBe(given);
    await settle();
    expect(content.state?.deck?.slides).toHaveLength(2);
  });

  it('keeps the slides the page came with when the kiosk has the same ones', async () => {
    const given = state(deck(['Given']), 'same');
    const { api } = fakeApi(state(deck(['Given']), 'same'));
    const content = new ContentModel(api, undefined, given);
    content.start();
    await settle();
    expect(content.state?.deck).toBe(given.deck);
  });

  it('shows the standby screen, never an error, when the kiosk cannot be reached, and reports it', async () => {
    const { api } = fakeApi(new Error('no main process'));
    const report = vi.fn(() => Promise.resolve());
    sendErrorsTo(report);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const content = new ContentModel(api);
    content.start();
    await settle();
    expect(content.state).toMatchObject({ deck: null, problems: [] });
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ where: 'loading the content' }));
    sendErrorsTo(undefined);
  });

  it('keeps the same slides, object and all, when only the problems change', async () => {
    const { api, emitContent } = fakeApi(state(deck(['One']), 'same'));
    const content = new ContentModel(api);
    content.start();
    await settle();
    const shown = content.state?.deck;
    emitContent({
      ...state(deck(['One']), 'same'),
      problems: [{ severity: 'warning', file: 'slides/01.md', message: 'a warning' }],
    });
    expect(content.state?.deck).toBe(shown);
    expect(content.state?.problems).toHaveLength(1);
  });

  it('takes new slides when their revision changes, and tells whoever follows it', async () => {
    const { api, emitContent } = fakeApi(state(deck(['One']), 'first'));
    const onState = vi.fn();
    const content = new ContentModel(api, onState);
    content.start();
    await settle();
    emitContent(state(deck(['One', 'Two']), 'second'));
    expect(content.state?.deck?.slides).toHaveLength(2);
    expect(onState).toHaveBeenCalledTimes(2);
  });

  it('stops following when told', async () => {
    const { api, listeners } = fakeApi();
    const stop = new ContentModel(api).start();
    await settle();
    expect(listeners()).toBe(1);
    stop();
    expect(listeners()).toBe(0);
  });
});
