import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, fakeEvent, session } from '../electron-mock';
import { log } from '../../../src/main/log';
import { silenceLog } from './log-support';
import { isAppUrl, setupSecurity } from '../../../src/main/security';

beforeEach(() => {
  silenceLog();
});

/** A web contents created after security is set up, as every real one is. */
function createContents(): FakeWebContents {
  setupSecurity();
  const contents = new FakeWebContents();
  app.emit('web-contents-created', fakeEvent(), contents);
  return contents;
}

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const details = fakeEvent({ url, isMainFrame: true, isSameDocument: false });
  contents.emit(event, details, url);
  return details.defaultPrevented;
}

describe('isAppUrl', () => {
  it.each(['app://kiosk/index.html', 'app://kiosk/', 'app://kiosk/content/images/a.svg?x#y'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://example.com/',
    'app://evil/index.html',
    'app://kiosk.evil.com/index.html',
    'app://kiosk@evil/index.html',
    'app://user:pass@kiosk/index.html',
    'app://kiosk:8080/index.html',
    'file:///app/out/renderer/index.html',
    'http://kiosk/index.html',
    'javascript:alert(1)',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('web contents hardening', () => {
  it('denies window.open, whatever the URL', () => {
    const contents = createContents();
    expect(contents.windowOpenHandler).toBeDefined();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents navigation to https://example.com', () => {
    expect(navigate(createContents(), 'will-navigate', 'https://example.com/')).toBe(true);
  });

  it('allows navigation within the app', () => {
    expect(navigate(createContents(), 'will-navigate', 'app://kiosk/index.html')).toBe(false);
  });

  it('prevents a subframe navigating away from the app', () => {
    expect(navigate(createContents(), 'will-frame-navigate', 'https://example.com/')).toBe(true);
  });

  it('prevents a redirect away from the app', () => {
    expect(navigate(createContents(), 'will-redirect', 'https://example.com/')).toBe(true);
  });

  it('prevents attaching a webview', () => {
    const contents = createContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('logs a repeated blocked attempt once', () => {
    const contents = createContents();
    navigate(contents, 'will-navigate', 'https://example.com/');
    navigate(contents, 'will-navigate', 'https://example.com/');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith('blocked a navigation', { url: 'https://example.com/' });
  });
});

describe('permissions', () => {
  it('denies every permission request', () => {
    setupSecurity();
    const handler = session.defaultSession.permissionRequestHandler;
    expect(handler).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'fullscreen', 'openExternal']) {
      const callback = vi.fn();
      handler?.(new FakeWebContents(), permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers every permission check with no', () => {
    setupSecurity();
    const check = session.defaultSession.permissionCheckHandler;
    expect(check).not.toBeNull();
    expect(check?.(new FakeWebContents(), 'clipboard-read', 'app://kiosk', {})).toBe(false);
    expect(check?.(null, 'media', 'app://kiosk', {})).toBe(false);
  });
});

describe('another set of own addresses (the preview window)', () => {
  it('keeps every web contents on the addresses it is given, frames included', () => {
    setupSecurity((url) => url.startsWith('http://127.0.0.1:4000/'));
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:4000/workbench')).toBe(false);
    expect(navigate(contents, 'will-frame-navigate', 'http://127.0.0.1:4000/')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'app://kiosk/index.html')).toBe(true);
    expect(navigate(contents, 'will-frame-navigate', 'https://example.org/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'http://127.0.0.1:4000/' })).toEqual({ action: 'deny' });
  });
});
