import { app, type Input, type WebContents } from 'electron';
import { createOnceFilter, log } from './log';

/** The parts of Electron's `Input` the shortcut filter looks at. */
export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

const letter = (input: KeyInput, name: string) =>
  input.key.toLowerCase() === name || input.code === `Key${name.toUpperCase()}`;

const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

/**
 * The shortcuts a curious patient with a keyboard could use to reload, inspect, zoom, close or
 * leave fullscreen. Pure. Letters are matched by key or by physical key, so they are caught on
 * any keyboard layout; Ctrl and Cmd count alike.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'keyUp') return false;
  const key = input.key;
  const command = input.control || input.meta;

  // Reload and hard reload (F5 with or without modifiers; Ctrl+F5).
  if (key === 'F5' || (command && letter(input, 'r'))) return true;
  // Developer tools: F12, Ctrl+Shift+I/J/C, and Cmd+Alt+I on a Mac keyboard.
  if (key === 'F12') return true;
  if (
    command &&
    (input.shift || input.alt) &&
    (letter(input, 'i') || letter(input, 'j') || letter(input, 'c'))
  )
    return true;
  // Zoom in, out and back: Ctrl with + - 0 (also = and _ as typed with or without Shift, and the keypad).
  if (command && (ZOOM_KEYS.has(key) || ZOOM_CODES.has(input.code))) return true;
  // Close and quit: Ctrl+W, Ctrl+F4, Ctrl+Q, and Alt+F4 where the window manager lets the app see it.
  if (command && (letter(input, 'w') || letter(input, 'q') || key === 'F4')) return true;
  if (input.alt && key === 'F4') return true;
  // Fullscreen: F11, and Ctrl+Cmd+F on a Mac keyboard.
  if (key === 'F11' || (input.control && input.meta && letter(input, 'f'))) return true;
  return false;
}

/** Applies the shortcut filter to every web contents the app creates, including recreated windows. */
export function setupLockdown(): void {
  const firstTime = createOnceFilter(100);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('before-input-event', (event, input) => {
      if (!isBlockedShortcut(input)) return;
      event.preventDefault();
      if (input.type === 'keyDown' && firstTime(describeShortcut(input)))
        log.info('swallowed a keyboard shortcut', { shortcut: describeShortcut(input) });
    });
  });
}

function describeShortcut(input: KeyInput): string {
  const modifiers = [
    input.control && 'Ctrl',
    input.meta && 'Meta',
    input.alt && 'Alt',
    input.shift && 'Shift',
  ];
  return [...modifiers.filter(Boolean), input.key].join('+');
}
