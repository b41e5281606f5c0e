import { describe, expect, it, vi } from 'vitest';
import type { MomentAnswer, WorkbenchApi } from '../../../../src/renderer/src/workbench/api';
import {
  problemsInOrder,
  wallFields,
  WorkbenchModel,
} from '../../../../src/renderer/src/workbench/workbench.svelte';
import type { ContentProblem, ContentState } from '../../../../src/shared/content';
import type { ScheduleState } from '../../../../src/shared/ipc';
import { deck, fakeApi, OPEN, settle, state } from '../fake-api';

const warning: ContentProblem = { severity: 'warning', file: 'kiosk.yaml', message: 'a warning' };
const error = (file: string): ContentProblem => ({
  severity: 'error',
  file,
  line: 2,
  column: 1,
  message: 'broken',
});
const AT = Date.parse('2026-12-07T19:30:00Z');
const atMoment: ScheduleState = {
  ...OPEN,
  open: false,
  preview: { at: AT, now: AT, kioskOpen: false, kioskNextChangeAt: null },
};

function workbench(answer: MomentAnswer | Error = { ok: true, schedule: atMoment }) {
  const kiosk = fakeApi();
  const showMoment = vi.fn((_at: string | null) =>
    answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer),
  );
  const api: WorkbenchApi = {
    ...kiosk.api,
    about: () => Promise.resolve({ source: '/clinic/content' }),
    showMoment,
  };
  const model = new WorkbenchModel(api);
  return { model, showMoment, ...kiosk };
}

describe('the workbench beside the kiosk', () => {
  it('lists errors before warnings, each kind in the order found', () => {
    expect(problemsInOrder([warning, error('a.md'), error('b.md')]).map((problem) => problem.file)).toEqual([
      'a.md',
      'b.md',
      'kiosk.yaml',
    ]);
  });

  it('follows the content as files are saved, and says what the problems mean for the screen', async () => {
    const { model, emitContent } = workbench();
    const stop = model.start();
    await settle();
    expect(model.source).toBe('/clinic/content');
    expect(model.problems).toEqual([]);
    expect(model.consequence).toBeUndefined();

    const good = state(deck(['One']));
    emitContent({ ...good, problems: [warning] });
    expect(model.consequence).toBe('The kiosk shows this content. The warnings are worth a look.');
    emitContent({ ...good, problems: [error('slides/01.md'), warning], fromLastGood: true });
    expect(model.problems.map((problem) => problem.severity)).toEqual(['error', 'warning']);
    expect(model.consequence).toBe(
      'Until the errors are fixed, the kiosk keeps showing the last version that had none.',
    );
    const nothing: ContentState = { ...state(null), problems: [error('kiosk.yaml')] };
    emitContent(nothing);
    expect(model.consequence).toBe('Until the errors are fixed, the kiosk shows its standby screen.');
    stop();
  });

  it('shows the moment chosen, as the preview answers it', async () => {
    const { model, showMoment } = workbench();
    await model.showMoment('2026-12-07', '19:30');
    expect(showMoment).toHaveBeenCalledWith('2026-12-07 19:30');
    expect(model.schedule).toEqual(atMoment);
    expect(model.momentError).toBeUndefined();
    expect(model.busy).toBe(false);
  });

  it('takes a day without a time as its start, and asks for a date when there is none', async () => {
    const { model, showMoment } = workbench();
    await model.showMoment('2026-12-07', '');
    expect(showMoment).toHaveBeenLastCalledWith('2026-12-07');
    await model.showMoment('', '19:30');
    expect(showMoment).toHaveBeenCalledTimes(1);
    expect(model.momentError).toBe('Choose a date first.');
  });

  it('says why a moment was refused, and keeps the moment it showed', async () => {
    const message =
      '2026-03-29 01:30 never happens in Europe/London: the clocks go forward an hour then. Choose a time outside that hour.';
    const { model, emitSchedule } = workbench({ ok: false, message });
    model.start();
    emitSchedule(atMoment);
    await model.showMoment('2026-03-29', '01:30');
    expect(model.momentError).toBe(message);
    expect(model.schedule).toEqual(atMoment);
  });

  it('says plainly when the preview does not answer', async () => {
    const { model } = workbench(new Error('network'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await model.backToNow();
    expect(model.momentError).toMatch(/^The preview did not answer\. Try again/);
    expect(model.busy).toBe(false);
  });

  it('asks for the present on Back to now', async () => {
    const { model, showMoment } = workbench({ ok: true, schedule: OPEN });
    await model.backToNow();
    expect(showMoment).toHaveBeenCalledWith(null);
  });

  it('fills the date and time fields with the kiosk’s wall clock, not the computer’s', () => {
    expect(wallFields(Date.parse('2026-07-01T23:30:00Z'), 'Europe/London')).toEqual({
      date: '2026-07-02',
      time: '00:30',
    });
    expect(wallFields(Date.parse('2026-12-07T09:05:00Z'), 'America/New_York')).toEqual({
      date: '2026-12-07',
      time: '04:05',
    });
  });
});
