/**
 * The one Content-Security-Policy and the one set of security headers, sent with everything the
 * page loads by both the app's protocol and the preview server. The page's own meta tag is
 * generated from the same policy at build time (electron.vite.config.ts), never typed twice.
 */
const POLICY: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  // Listen: spoken screens and staff's recorded voices, from the kiosk itself.
  'media-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
};

/** Directives a meta tag cannot carry: browsers ignore them there (and warn). */
const HEADER_ONLY = new Set(['frame-ancestors']);

export const CONTENT_SECURITY_POLICY = Object.entries(POLICY)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');

/** The policy as the page's `<meta http-equiv="Content-Security-Policy">` gives it. */
export const META_CONTENT_SECURITY_POLICY = Object.entries(POLICY)
  .filter(([directive]) => !HEADER_ONLY.has(directive))
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');

/** Every response's headers: the policy, no type sniffing, no referrer, and no caching unless `extra` allows it. */
export function securityHeaders(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Content can change on disk while the kiosk runs: never show a stale page.
    'Cache-Control': 'no-store',
    ...extra,
  };
}
