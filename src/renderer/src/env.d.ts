import type { KioskApi } from '../../preload/api';

declare global {
  interface Window {
    /** Present in the Electron app (from the preload); absent in the browser preview. */
    readonly kiosk?: KioskApi;
  }
}

export {};
