import { beforeEach, vi } from 'vitest';
import { resetElectronMock } from './electron-mock';

// Requiring the real `electron` package from Node tries to download a binary: never let it load.
vi.mock('electron', () => import('./electron-mock'));

beforeEach(() => {
  resetElectronMock();
});
