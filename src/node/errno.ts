/** The `code` of a Node.js system error (`ENOENT`, `EACCES`...), or undefined for any other thrown value. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}
