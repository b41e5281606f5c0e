import { prefersReducedMotion } from 'svelte/motion';
import { DEFAULT_ACCESS, type AccessSettings } from '../../../shared/content';

/**
 * A patient's choices for reading the screen: larger text, stronger contrast. Both last until the
 * patient leaves (the kiosk goes back to its loop), so the next patient finds the screen as staff
 * set it. Motion is less for everyone when staff ask (`motion: reduced`) or the computer does.
 */
export class AccessModel {
  largerText = $state(false);
  highContrast = $state(false);
  settings = $state.raw<AccessSettings>(DEFAULT_ACCESS);
  readonly #systemReducedMotion: () => boolean;

  /** `systemReducedMotion`: the computer's own setting, as the page's media query reports it. */
  constructor(systemReducedMotion: () => boolean = () => prefersReducedMotion.current) {
    this.#systemReducedMotion = systemReducedMotion;
  }

  /** Slides change with a cut and panels appear without moving. */
  get reducedMotion(): boolean {
    return this.settings.reducedMotion || this.#systemReducedMotion();
  }

  configure(settings: AccessSettings | undefined): void {
    this.settings = settings ?? DEFAULT_ACCESS;
  }

  toggleLargerText = (): void => {
    this.largerText = !this.largerText;
  };

  toggleHighContrast = (): void => {
    this.highContrast = !this.highContrast;
  };

  reset(): void {
    this.largerText = false;
    this.highContrast = false;
  }
}
