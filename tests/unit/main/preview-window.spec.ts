import { describe, expect, it } from 'vitest';
import { previewMenuTemplate } from '../../../src/main/preview-menu';
import { isOnOrigin } from '../../../src/main/preview-window';
import type { MenuItemConstructorOptions } from 'electron';

const ORIGIN = 'http://127.0.0.1:40123';

describe('the addresses the preview window may show', () => {
  it.each([`${ORIGIN}/workbench`, `${ORIGIN}/`, `${ORIGIN}/content/images/a.svg?v=1#x`])(
    'accepts %s',
    (url) => {
      expect(isOnOrigin(url, ORIGIN)).toBe(true);
    },
  );

  it.each([
    'http://127.0.0.1:40124/workbench',
    'http://localhost:40123/',
    'https://127.0.0.1:40123/',
    'http://user:pass@127.0.0.1:40123/',
    'http://127.0.0.1:40123@evil.example/',
    'app://kiosk/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isOnOrigin(url, ORIGIN)).toBe(false);
  });
});

describe('the preview window’s menu', () => {
  const noop = () => undefined;
  const actions = { openFolder: noop, showKioskContent: noop, revealFolder: noop };
  const labels = (template: MenuItemConstructorOptions[]) =>
    template.map((menu) => [
      menu.label,
      (menu.submenu as MenuItemConstructorOptions[]).map((item) => item.label ?? item.role ?? item.type),
    ]);

  it('offers staff their folders, and the usual reload, zoom and quit', () => {
    expect(labels(previewMenuTemplate(actions, { showingFolder: true, packaged: true }))).toEqual([
      [
        'File',
        [
          'Open content folder…',
          'Show the content folder',
          "Show this computer's kiosk content",
          'separator',
          'Quit',
        ],
      ],
      ['View', ['Reload', 'separator', 'Actual size', 'Larger', 'Smaller', 'separator', 'Full screen']],
    ]);
  });

  it('offers developer tools only in development, and the folder only when a folder is shown', () => {
    const development = previewMenuTemplate(actions, { showingFolder: false, packaged: false });
    expect(labels(development)[1]?.[1]).toContain('toggleDevTools');
    const file = development[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.find((item) => item.label === 'Show the content folder')?.enabled).toBe(false);
    expect(file.find((item) => item.label === 'Open content folder…')?.accelerator).toBe('CmdOrCtrl+O');
  });
});
