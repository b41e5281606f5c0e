import type { MenuItemConstructorOptions } from 'electron';

/** What the preview window's menu does; preview-mode.ts gives each its Electron. */
export interface PreviewMenuActions {
  /** Choose a content folder with the system's dialog, and show it (remembered for next time). */
  readonly openFolder: () => void;
  /** Forget the folder chosen, and show what this computer's kiosk shows. */
  readonly showKioskContent: () => void;
  /** Open the folder shown in the system's file manager, to edit its files. */
  readonly revealFolder: () => void;
}

/**
 * The preview window's menu, in staff's words. An ordinary window for staff, so the usual
 * things are there too: reload, zoom, fullscreen and quit, with their usual keys; developer
 * tools only in development.
 */
export function previewMenuTemplate(
  actions: PreviewMenuActions,
  options: { readonly showingFolder: boolean; readonly packaged: boolean },
): MenuItemConstructorOptions[] {
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Open content folder…', accelerator: 'CmdOrCtrl+O', click: actions.openFolder },
        {
          label: 'Show the content folder',
          enabled: options.showingFolder,
          click: actions.revealFolder,
        },
        { label: "Show this computer's kiosk content", click: actions.showKioskContent },
        { type: 'separator' },
        { label: 'Quit', role: 'quit' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Reload', role: 'reload' },
        { type: 'separator' },
        { label: 'Actual size', role: 'resetZoom' },
        { label: 'Larger', role: 'zoomIn' },
        { label: 'Smaller', role: 'zoomOut' },
        { type: 'separator' },
        { label: 'Full screen', role: 'togglefullscreen' },
        ...(options.packaged ? [] : [{ role: 'toggleDevTools' } as const]),
      ],
    },
  ];
}
