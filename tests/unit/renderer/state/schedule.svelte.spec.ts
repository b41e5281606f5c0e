import { describe, expect, it } from 'vitest';
import { ScheduleModel } from '../../../../src/renderer/src/state/schedule.svelte';
import { FakeClock } from '../../support/fake-clock';
import { fakeApi, OPEN, settle } from '../fake-api';

const CLOSED = { ...OPEN, open: false, wakeSeconds: 60 };

async function started(inUse = false) {
  const clock = new FakeClock();
  const { api, emitSchedule } = fakeApi();
  const schedule = new ScheduleModel(api, clock);
  const stop = schedule.start(() => inUse);
  await settle();
  return { clock, schedule, emitSchedule, stop };
}

describe('opening hours on screen', () => {
  it('shows the slides while main says the kiosk is open', async () => {
    const { schedule } = await started();
    expect(schedule.closed).toBe(false);
  });

  it('goes dark at closing time, wakes on a touch for the wake time, then goes dark again', async () => {
    const { clock, schedule, emitSchedule } = await started();
    emitSchedule(CLOSED);
    expect(schedule.closed).toBe(true);
    schedule.wake();
    expect(schedule.closed).toBe(false);
    clock.advance(59_000);
    schedule.wake();
    clock.advance(59_000);
    expect(schedule.closed).toBe(false);
    clock.advance(1_000);
    expect(schedule.closed).toBe(true);
  });

  it('lets a patient who is reading at closing time finish', async () => {
    const { clock, schedule, emitSchedule } = await started(true);
    emitSchedule(CLOSED);
    expect(schedule.closed).toBe(false);
    clock.advance(60_000);
    expect(schedule.closed).toBe(true);
  });

  it('forgets the wake timer when the kiosk opens, and stops following when told', async () => {
    const { clock, schedule, emitSchedule, stop } = await started();
    emitSchedule(CLOSED);
    schedule.wake();
    emitSchedule(OPEN);
    expect(clock.pendingTimers).toBe(0);
    stop();
    emitSchedule(CLOSED);
    expect(schedule.closed).toBe(false);
  });
});
