export const SEVERITIES: readonly string[];
export const EXCLUDED_CHECKS: readonly string[];

export function parseArgs(argv: readonly string[]): { input: string; output: string; severity: string };

export interface Finding {
  readonly id: string;
  readonly severity: { readonly name: string };
}
export function blockingFindings<T extends Finding>(issues: readonly T[], severity: string): T[];

export function unjustifiedSuppressions(
  files: readonly { readonly path: string; readonly text: string }[],
): { path: string; line: number; text: string }[];
