import type { KodtauApi } from '../../shared/ipc/contract.ts';
import { createElectronPlatform } from './electronPlatform.ts';
import { createWebPlatform } from './webPlatform.ts';
import type { Platform } from './types.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    kodtau?: KodtauApi;
  }
}

export type { Platform } from './types.ts';
export { readFiles } from './webPlatform.ts';

export function detectPlatform(): Platform {
  return window.kodtau ? createElectronPlatform(window.kodtau) : createWebPlatform();
}
