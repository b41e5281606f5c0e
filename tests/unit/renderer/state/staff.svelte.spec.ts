import { describe, expect, it, vi } from 'vitest';
import type { StaffStatus } from '../../../../src/shared/ipc';
import { staffText } from '../../../../src/renderer/src/i18n/staff';
import { sendErrorsTo } from '../../../../src/renderer/src/lib/errors';
import { STAFF_IDLE_MS, StaffModel } from '../../../../src/renderer/src/state/staff.svelte';
import { FakeClock } from '../../support/fake-clock';
import { fakeApi, OPEN } from '../fake-api';

const STATUS = { version: '1.0.0', schedule: OPEN } as unknown as StaffStatus;

function staffWith(clock = new FakeClock()) {
  const { api } = fakeApi();
  const staff = new StaffModel(api, clock);
  return { api, staff, clock };
}

describe('the staff area', () => {
  it('asks for the PIN when opened, and closes itself after a minute without a touch', () => {
    const { staff, clock } = staffWith();
    staff.open();
    expect(staff.phase).toBe('pin');
    clock.advance(STAFF_IDLE_MS - 1);
    staff.activity();
    clock.advance(STAFF_IDLE_MS - 1);
    expect(staff.isOpen).toBe(true);
    clock.advance(1);
    expect(staff.phase).toBe('closed');
  });

  it('shows the panel with the kiosk’s status after the right PIN', async () => {
    const { api, staff } = staffWith();
    api.verifyPin.mockResolvedValue({ result: 'ok', sessionEndsAt: 0 });
    api.getStaffStatus.mockResolvedValue({ ok: true, status: STATUS });
    staff.open();
    await staff.submitPin('1234');
    expect(staff.phase).toBe('panel');
    expect(staff.status).toBe(STATUS);
  });

  it('says why a PIN was refused: wrong, locked for so many minutes, or never set', async () => {
    const clock = new FakeClock('2026-03-02T09:00:00Z');
    const { api, staff } = staffWith(clock);
    staff.open();
    api.verifyPin.mockResolvedValueOnce({ result: 'wrong', lockedUntil: null });
    await staff.submitPin('1111');
    expect(staff.message).toBe(staffText.wrongPin);
    api.verifyPin.mockResolvedValueOnce({ result: 'locked', lockedUntil: clock.now() + 90_000 });
    await staff.submitPin('1111');
    expect(staff.message).toBe(staffText.lockedFor(2));
    api.verifyPin.mockResolvedValueOnce({ result: 'not-set' });
    await staff.submitPin('1111');
    expect(staff.message).toBe(staffText.notSet);
  });

  it('asks for the PIN again when main says the session ended', async () => {
    const { api, staff } = staffWith();
    api.verifyPin.mockResolvedValue({ result: 'ok', sessionEndsAt: 0 });
    api.getStaffStatus.mockResolvedValueOnce({ ok: true, status: STATUS });
    await staff.submitPin('1234');
    await staff.run('reloadContent');
    expect(staff.phase).toBe('pin');
    expect(staff.message).toBe(staffText.sessionEnded);
  });

  it('tells staff when an action fails, and reports it to the log', async () => {
    const { api, staff } = staffWith();
    const report = vi.fn(() => Promise.resolve());
    sendErrorsTo(report);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.restartKiosk.mockRejectedValue(new Error('refused'));
    await staff.run('restartKiosk');
    expect(staff.message).toBe(staffText.failed);
    expect(staff.busy).toBe(false);
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ where: 'the staff action restartKiosk' }));
    sendErrorsTo(undefined);
  });

  it('ends the staff session in main when the panel closes', async () => {
    const { api, staff } = staffWith();
    api.verifyPin.mockResolvedValue({ result: 'ok', sessionEndsAt: 0 });
    api.getStaffStatus.mockResolvedValue({ ok: true, status: STATUS });
    await staff.submitPin('1234');
    staff.close();
    expect(api.endStaffSession).toHaveBeenCalledTimes(1);
    expect(staff.status).toBeUndefined();
  });
});
