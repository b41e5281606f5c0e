/**
 * Turns anything thrown into one readable line, so that every part of the kiosk (main process,
 * preview, command-line tools) reports errors the same way.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const text = `${error.name}: ${error.message}`;
    return typeof code === 'string' && !error.message.includes(code) ? `${text} (${code})` : text;
  }
  if (typeof error === 'string') return error;
  try {
    // Typed as string, but undefined for undefined, functions and symbols.
    const json = JSON.stringify(error) as string | undefined;
    return json ?? String(error);
  } catch {
    return String(error);
  }
}
