// @ts-check
// electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the packaged
// app before it is signed and wrapped into installers. Fuses are switches compiled into the
// Electron binary; turning these off removes ways to run other code with the kiosk's binary.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** @typedef {Readonly<Record<string, string | undefined>>} Env Environment variables, as in process.env. */

/**
 * The parts of electron-builder's AfterPackContext the hook reads.
 * @typedef {{
 *   readonly appOutDir: string;
 *   readonly electronPlatformName: string;
 *   readonly packager: {
 *     readonly executableName: string;
 *     readonly appInfo: { readonly productFilename: string };
 *   };
 * }} PackContext
 */

/** The fuse settings of every shipped kiosk, in one place. */
export const KIOSK_FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE=1 would turn the kiosk binary into a plain Node.js.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload any script into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the app in app.asar runs, not a loose folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies and other stored secrets are encrypted with the OS keystore.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The kiosk serves its page from app://, never from file://: a file:// page gets no more than
  // any other page (no fetch of other files, no service workers).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
});

/**
 * Where Electron checks at every start that app.asar is the one that was packed, and refuses to
 * run otherwise: Windows (Electron 30 and later) and macOS. electron-builder computes the hash of
 * app.asar's header when it packs (unless told `disableAsarIntegrity`) and stores it in the
 * executable's resources on Windows and in Info.plist on macOS, before this hook runs. Electron
 * has no such check on Linux, and electron-builder stores no hash there, so the fuse stays off.
 */
export const ASAR_INTEGRITY_PLATFORMS = Object.freeze(['win32', 'darwin', 'mas']);

/**
 * Set to 1 to build a copy for the Electron end-to-end tests: Playwright drives the main process
 * through the Node inspector, so that one fuse stays on. Never ship such a build.
 */
export const E2E_BUILD_ENV = 'KIOSK_E2E_BUILD';

/**
 * The fuses to flip in the packaged binary for `platform` (electron-builder's platform name): the
 * kiosk's, ASAR integrity where the platform has it, and the inspector left on when `env` asks for
 * an end-to-end test build.
 * @param {Env} env
 * @param {string} platform
 */
export function fuseConfig(env, platform) {
  const forTests = env[E2E_BUILD_ENV] === '1';
  return {
    version: FuseVersion.V1,
    ...KIOSK_FUSES,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ASAR_INTEGRITY_PLATFORMS.includes(platform),
    ...(forTests ? { [FuseV1Options.EnableNodeCliInspectArguments]: true } : {}),
    // Changing an Apple Silicon binary breaks its ad-hoc signature: sign it again.
    resetAdHocDarwinSignature: true,
  };
}

/**
 * The packaged Electron executable, as electron-builder names it per platform.
 * @param {PackContext} context
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      return join(appOutDir, packager.executableName);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`after-pack: no Electron fuses for platform ${electronPlatformName}`);
  }
}

/**
 * @param {PackContext} context
 * @param {Env} [env]
 */
export default async function afterPack(context, env = process.env) {
  const binary = electronBinaryPath(context);
  const config = fuseConfig(env, context.electronPlatformName);
  if (config[FuseV1Options.EnableNodeCliInspectArguments])
    console.warn(
      `after-pack: ${E2E_BUILD_ENV}=1, the inspector fuse stays ON for end-to-end tests. Do not ship this build.`,
    );
  await flipFuses(binary, config);
  console.log(`after-pack: fuses set on ${binary}`);
}
