import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { createOnceFilter, log } from './log';

export { isAppUrl } from './app-url';

type BlockedLogger = (what: string, details: Readonly<Record<string, string>>) => void;

/**
 * Locks down every web contents the app ever creates, including ones nobody meant to create:
 * the kiosk shows its own page and nothing else, opens no windows and grants no permissions.
 * `isOwnUrl` says which addresses are the app's own: `app://kiosk` for the kiosk, the preview
 * server's origin for the preview window (src/main/preview-mode.ts).
 */
export function setupSecurity(isOwnUrl: (url: string) => boolean = isAppUrl): void {
  const firstTime = createOnceFilter();
  const logBlocked: BlockedLogger = (what, details) => {
    if (firstTime(`${what} ${JSON.stringify(details)}`)) log.warn(`blocked ${what}`, details);
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isOwnUrl, logBlocked));

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    logBlocked('a permission request', { permission });
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function hardenWebContents(
  contents: WebContents,
  isOwnUrl: (url: string) => boolean,
  logBlocked: BlockedLogger,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    logBlocked('a new window', { url });
    return { action: 'deny' };
  });

  const keepOnApp = (event: { preventDefault(): void; url: string }, what: string): void => {
    if (isOwnUrl(event.url)) return;
    event.preventDefault();
    logBlocked(what, { url: event.url });
  };
  contents.on('will-navigate', (event) => keepOnApp(event, 'a navigation'));
  // Subframes navigate without 'will-navigate'; the kiosk's CSP already forbids frames, this is a
  // second lock (the preview's workbench frames the kiosk page, from its own origin).
  contents.on('will-frame-navigate', (event) => keepOnApp(event, 'a frame navigation'));
  contents.on('will-redirect', (event) => keepOnApp(event, 'a redirect'));

  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    logBlocked('a webview', { url: params.src ?? '' });
  });
}
