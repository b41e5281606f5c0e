import type { FuseV1Options, FuseVersion } from '@electron/fuses';

export const KIOSK_FUSES: Readonly<Partial<Record<FuseV1Options, boolean>>>;
export const E2E_BUILD_ENV: string;

export function fuseConfig(env: Readonly<Record<string, string | undefined>>): {
  version: FuseVersion.V1;
  resetAdHocDarwinSignature: boolean;
} & Partial<Record<FuseV1Options, boolean>>;

/** The parts of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: {
    readonly executableName: string;
    readonly appInfo: { readonly productFilename: string };
  };
}

export function electronBinaryPath(context: PackContext): string;

export default function afterPack(
  context: PackContext,
  env?: Readonly<Record<string, string | undefined>>,
): Promise<void>;
