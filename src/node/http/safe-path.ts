import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Resolves a URL path (already split from its query) to a file strictly inside `root`, or returns
 * undefined. Refuses `..` segments, encoded or not, absolute paths, backslashes and NUL bytes:
 * the app and the preview serve nothing from outside their own folders.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;

  const base = resolve(root);
  const target = resolve(base, ...segments);
  const fromBase = relative(base, target);
  if (fromBase === '' || fromBase.startsWith(`..${sep}`) || fromBase === '..' || isAbsolute(fromBase))
    return undefined;
  return target;
}
