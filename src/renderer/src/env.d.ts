import type { KioskApi } from '../../shared/kiosk-api';

declare global {
  interface Window {
    /** Present in the Electron app (from the preload); absent in the browser preview. */
    readonly kiosk?: KioskApi;
  }
}

export {};
