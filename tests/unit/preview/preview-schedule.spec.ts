import { describe, expect, it, vi } from 'vitest';
import { PreviewMomentError, startPreviewSchedule } from '../../../src/preview/preview-schedule';
import type { ContentState, WeeklyHours } from '../../../src/shared/content';
import { FakeClock } from '../support/fake-clock';

const DAY = [{ start: 8 * 60, end: 18 * 60 }];
const HOURS: WeeklyHours = {
  week: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: [], sun: [] },
  wakeSeconds: 120,
};
const CONTENT: ContentState = {
  deck: null,
  deckRevision: null,
  standbyTitle: 'Clinic',
  problems: [],
  openingHours: HOURS,
  timeZone: 'Europe/London',
};

function schedule(at?: { date: string; minute: number }, clock = new FakeClock('2026-03-02T12:00:00Z')) {
  const onChange = vi.fn();
  const preview = startPreviewSchedule({
    content: { getContent: () => CONTENT, onChange: () => () => undefined },
    ...(at === undefined ? {} : { at }),
    clock,
    onChange,
  });
  return { preview, onChange, clock };
}

describe('the preview’s opening hours', () => {
  it('shows a moment given with --at as the kiosk has it then: closed at 19:30', () => {
    const { preview } = schedule({ date: '2026-12-07', minute: 19 * 60 + 30 });
    expect(preview.current()).toMatchObject({
      open: false,
      timeZone: 'Europe/London',
      nextChangeAt: Date.parse('2026-12-08T08:00:00Z'),
      preview: { at: Date.parse('2026-12-07T19:30:00Z'), now: Date.parse('2026-12-07T19:30:00Z') },
    });
    preview.stop();
  });

  it('runs on from that moment, and says when the kiosk opens', () => {
    const { preview, onChange, clock } = schedule({ date: '2026-12-07', minute: 17 * 60 + 59 });
    expect(preview.current().open).toBe(true);
    clock.advance(75_000);
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ open: false }));
    preview.stop();
  });

  it('stays open without --at, and tells its staff note when the kiosk itself is closed', () => {
    const { preview } = schedule(undefined, new FakeClock('2026-03-07T12:00:00Z'));
    expect(preview.current()).toMatchObject({
      open: true,
      preview: { at: null, kioskOpen: false, kioskNextChangeAt: Date.parse('2026-03-09T08:00:00Z') },
    });
    preview.stop();
  });

  it('refuses a moment the clocks skip, in words', () => {
    expect(() => schedule({ date: '2026-03-29', minute: 60 + 30 })).toThrow(PreviewMomentError);
    expect(() => schedule({ date: '2026-03-29', minute: 60 + 30 })).toThrow(
      '2026-03-29 01:30 never happens in Europe/London: the clocks go forward an hour then. Choose a time outside that hour.',
    );
  });
});

describe('another moment chosen while the preview runs', () => {
  it('shows it from then on and tells the page at once, even when the screen stays open', () => {
    const { preview, onChange, clock } = schedule();
    const state = preview.setAt({ date: '2026-12-07', minute: 10 * 60 });
    const at = Date.parse('2026-12-07T10:00:00Z');
    expect(state).toMatchObject({ open: true, preview: { at, now: at, kioskOpen: true } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(state);
    clock.advance(60_000);
    expect(preview.current().preview?.now).toBe(at + 60_000);
    preview.stop();
  });

  it('runs on from the moment chosen: closes at 18:00 as the kiosk would', () => {
    const { preview, onChange, clock } = schedule();
    preview.setAt({ date: '2026-12-07', minute: 17 * 60 + 59 });
    clock.advance(75_000);
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ open: false }));
    preview.stop();
  });

  it('goes back to the present, open at any hour', () => {
    const { preview, onChange } = schedule({ date: '2026-12-07', minute: 19 * 60 + 30 });
    expect(preview.current().open).toBe(false);
    const state = preview.setAt(null);
    expect(state).toMatchObject({
      open: true,
      preview: { at: null, now: Date.parse('2026-03-02T12:00:00Z') },
    });
    expect(onChange).toHaveBeenLastCalledWith(state);
    preview.stop();
  });

  it('refuses a moment the clocks skip, and keeps showing the one it showed', () => {
    const { preview, onChange } = schedule({ date: '2026-12-07', minute: 19 * 60 + 30 });
    expect(() => preview.setAt({ date: '2026-03-29', minute: 60 + 30 })).toThrow(PreviewMomentError);
    expect(onChange).not.toHaveBeenCalled();
    expect(preview.current().preview?.at).toBe(Date.parse('2026-12-07T19:30:00Z'));
    preview.stop();
  });
});
