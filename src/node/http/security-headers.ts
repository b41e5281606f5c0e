/**
 * The one Content-Security-Policy and the one set of security headers, sent with everything the
 * page loads by both the app's protocol and the preview server. The page's own meta tag is
 * generated from the same policy at build time (electron.vite.config.ts), never typed twice.
 *
 * The preview differs in two directives only, both about frames: its workbench (a page for staff
 * beside the kiosk page, src/renderer/workbench.html) shows the kiosk page in a frame, so there
 * the kiosk page may be framed by the preview's own origin, and the workbench may frame it. The
 * kiosk's own protocol keeps both shut.
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

/** What the preview serves: the kiosk page may sit in a frame of the preview's own workbench. */
const PREVIEW_POLICY: Readonly<Record<string, string>> = { ...POLICY, 'frame-ancestors': "'self'" };

/** The workbench itself: frames the kiosk page from its own origin, and is framed by nobody. */
const WORKBENCH_POLICY: Readonly<Record<string, string>> = { ...POLICY, 'frame-src': "'self'" };

/** Directives a meta tag cannot carry: browsers ignore them there (and warn). */
const HEADER_ONLY = new Set(['frame-ancestors']);

function header(policy: Readonly<Record<string, string>>): string {
  return Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

function meta(policy: Readonly<Record<string, string>>): string {
  return header(
    Object.fromEntries(Object.entries(policy).filter(([directive]) => !HEADER_ONLY.has(directive))),
  );
}

export const CONTENT_SECURITY_POLICY = header(POLICY);
export const PREVIEW_CONTENT_SECURITY_POLICY = header(PREVIEW_POLICY);
export const WORKBENCH_CONTENT_SECURITY_POLICY = header(WORKBENCH_POLICY);

/** The policy as the page's `<meta http-equiv="Content-Security-Policy">` gives it. */
export const META_CONTENT_SECURITY_POLICY = meta(POLICY);
/** The same for the workbench's page. */
export const WORKBENCH_META_CONTENT_SECURITY_POLICY = meta(WORKBENCH_POLICY);

/**
 * Every response's headers: the policy (the kiosk's unless another is given), no type sniffing, no
 * referrer, and no caching unless `extra` allows it.
 */
export function securityHeaders(
  extra: Readonly<Record<string, string>> = {},
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Content can change on disk while the kiosk runs: never show a stale page.
    'Cache-Control': 'no-store',
    ...extra,
  };
}
