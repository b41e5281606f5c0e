import { describe, expect, it, vi } from 'vitest';
import { restartOnNewMoment } from '../../../../src/renderer/src/lib/preview-moment';
import type { ScheduleState } from '../../../../src/shared/ipc';
import { fakeApi, OPEN } from '../fake-api';

const AT = Date.parse('2026-12-07T19:30:00Z');
const previewAt = (at: number | null, open = true): ScheduleState => ({
  ...OPEN,
  open,
  preview: { at, now: at ?? Date.parse('2026-03-02T09:00:00Z'), kioskOpen: open, kioskNextChangeAt: null },
});

describe('the preview page when staff choose another moment', () => {
  it('starts again once when the moment shown changes, and not while it stays the same', () => {
    const { api, emitSchedule } = fakeApi();
    const restart = vi.fn();
    restartOnNewMoment(api, previewAt(null), restart);
    emitSchedule(previewAt(null, false));
    expect(restart).not.toHaveBeenCalled();
    emitSchedule(previewAt(AT, false));
    emitSchedule(previewAt(null));
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it('starts again when staff go back to the present', () => {
    const { api, emitSchedule } = fakeApi();
    const restart = vi.fn();
    restartOnNewMoment(api, previewAt(AT), restart);
    // A minute on, at the same moment chosen.
    emitSchedule({
      ...OPEN,
      preview: { at: AT, now: AT + 60_000, kioskOpen: true, kioskNextChangeAt: null },
    });
    expect(restart).not.toHaveBeenCalled();
    emitSchedule(previewAt(null));
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it('never restarts the kiosk itself, whose schedule names no moment', () => {
    const { api, emitSchedule } = fakeApi();
    const restart = vi.fn();
    restartOnNewMoment(api, OPEN, restart);
    emitSchedule({ ...OPEN, open: false });
    expect(restart).not.toHaveBeenCalled();
    expect(api.onScheduleChanged).not.toHaveBeenCalled();
  });
});
