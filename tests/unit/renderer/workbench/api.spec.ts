import { describe, expect, it, vi } from 'vitest';
import { createWorkbenchApi } from '../../../../src/renderer/src/workbench/api';
import { PreviewRoute } from '../../../../src/shared/ipc';
import { OPEN } from '../fake-api';

function api(answer: Response) {
  const fetch = vi.fn((..._args: Parameters<typeof globalThis.fetch>) => Promise.resolve(answer.clone()));
  const openEvents = vi.fn();
  return { api: createWorkbenchApi({ fetch, openEvents }), fetch };
}

describe('the workbench’s requests to the preview', () => {
  it('asks for a moment as JSON, and gets the schedule now shown', async () => {
    const { api: workbench, fetch } = api(Response.json(OPEN));
    expect(await workbench.showMoment('2026-12-07 19:30')).toEqual({ ok: true, schedule: OPEN });
    expect(fetch).toHaveBeenCalledWith(PreviewRoute.moment, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"at":"2026-12-07 19:30"}',
    });
  });

  it('passes on the preview’s words when it refuses a moment', async () => {
    const { api: workbench } = api(new Response('The moment is not a day of the calendar.', { status: 400 }));
    expect(await workbench.showMoment('2026-02-30')).toEqual({
      ok: false,
      message: 'The moment is not a day of the calendar.',
    });
  });

  it('fails, rather than show a server’s error page as words for staff', async () => {
    const { api: workbench } = api(new Response('Something went wrong.', { status: 500 }));
    await expect(workbench.showMoment(null)).rejects.toThrow('The preview answered 500');
  });
});
