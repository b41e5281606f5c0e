/**
 * The page and its pictures are served from one privileged origin, `app://kiosk`, rather than
 * `file://`: a real origin gets same-origin rules, a strict CSP and a single thing to allow-list.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** True only for URLs on the app's own origin; anything unparsable is treated as foreign. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Credentials or a port would make `host` look right while meaning something else.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}
