export type ElectronBinarySource = 'override' | 'exec-path' | 'installed';

export interface ElectronBinary {
  readonly path: string;
  readonly source: ElectronBinarySource;
  readonly exists: boolean;
}

export function platformExecutable(platform: string): string | undefined;

export function findElectronBinary(options: {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder of the `electron` npm package. */
  readonly electronDir: string;
  readonly platform: string;
}): ElectronBinary;

export function summarizeInstallError(output: string | null | undefined): string | undefined;
