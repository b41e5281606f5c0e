import { describe, expect, it } from 'vitest';
import { app, BrowserWindow, fakeEvent } from '../electron-mock';
import { isBlockedShortcut, setupLockdown, type KeyInput } from '../../../src/main/lockdown';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';

/** A key press as Electron reports it; `code` follows from a letter key unless given. */
function key(keyName: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  const code = /^[a-z]$/i.test(keyName) ? `Key${keyName.toUpperCase()}` : keyName;
  return {
    type: 'keyDown',
    key: keyName,
    code,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...modifiers,
  };
}

const ctrl = { control: true };
const cmd = { meta: true };

describe('the shortcut filter', () => {
  it.each<[string, KeyInput]>([
    ['Ctrl+R', key('r', ctrl)],
    ['Cmd+R', key('r', cmd)],
    ['Ctrl+Shift+R', key('R', { ...ctrl, shift: true })],
    ['F5', key('F5')],
    ['Ctrl+F5', key('F5', ctrl)],
    ['Ctrl+Shift+I', key('I', { ...ctrl, shift: true })],
    ['Cmd+Alt+I', key('i', { ...cmd, alt: true })],
    ['Ctrl+Shift+J', key('J', { ...ctrl, shift: true })],
    ['Ctrl+Shift+C', key('C', { ...ctrl, shift: true })],
    ['F12', key('F12')],
    ['Ctrl++', { ...key('+', { ...ctrl, shift: true }), code: 'Equal' }],
    ['Ctrl+=', { ...key('=', ctrl), code: 'Equal' }],
    ['Ctrl+-', { ...key('-', ctrl), code: 'Minus' }],
    ['Ctrl+0', { ...key('0', ctrl), code: 'Digit0' }],
    ['Ctrl+numpad +', { ...key('+', ctrl), code: 'NumpadAdd' }],
    ['Ctrl+numpad -', { ...key('-', ctrl), code: 'NumpadSubtract' }],
    ['Ctrl+numpad 0', { ...key('0', ctrl), code: 'Numpad0' }],
    ['Ctrl+W', key('w', ctrl)],
    ['Ctrl+F4', key('F4', ctrl)],
    ['Ctrl+Q', key('q', ctrl)],
    ['Cmd+Q', key('q', cmd)],
    ['F11', key('F11')],
    ['Ctrl+Cmd+F', key('f', { ...ctrl, ...cmd })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+R on a Cyrillic layout', { ...key('к', ctrl), code: 'KeyR' }],
  ])('swallows %s', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(true);
  });

  it('swallows the key release too, so the page never sees half a shortcut', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(true);
  });

  it.each<[string, KeyInput]>([
    ['R', key('r')],
    ['Shift+R', key('R', { shift: true })],
    ['Alt+R', key('r', { alt: true })],
    ['Ctrl+C (copy)', key('c', ctrl)],
    ['Ctrl+I without Shift', key('i', ctrl)],
    ['0', { ...key('0'), code: 'Digit0' }],
    ['+ on the keypad', { ...key('+'), code: 'NumpadAdd' }],
    ['F4', key('F4')],
    ['Enter', key('Enter')],
    ['Space', { ...key(' '), code: 'Space' }],
    ['Arrow keys', key('ArrowRight')],
    ['Escape', key('Escape')],
    ['F', key('f')],
  ])('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input)).toBe(false);
  });

  it('ignores events that are not key presses', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'char' })).toBe(false);
  });
});

describe('lockdown of every window', () => {
  it('prevents a blocked shortcut in any window created after setup, and logs it once', () => {
    silenceLog();
    setupLockdown();
    const window = new BrowserWindow();
    const blocked = fakeEvent();
    window.webContents.emit('before-input-event', blocked, key('F5'));
    window.webContents.emit('before-input-event', fakeEvent(), key('F5'));
    expect(blocked.defaultPrevented).toBe(true);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledWith('swallowed a keyboard shortcut', { shortcut: 'F5' });
  });

  it('lets ordinary keys reach the page', () => {
    setupLockdown();
    const window = new BrowserWindow();
    const event = fakeEvent();
    window.webContents.emit('before-input-event', event, key('ArrowLeft'));
    expect(event.defaultPrevented).toBe(false);
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });
});
