import type { KodtauApi } from '../../shared/ipc/contract.ts';
import type { Platform } from './types.ts';

export function createElectronPlatform(api: KodtauApi): Platform {
  return {
    kind: 'electron',
    openFiles: (options) => api.openFiles(options),
    // The preload method takes bytes (validated in main); a Blob's are read without blocking.
    saveFile: async ({ bytes, ...options }) =>
      (
        await api.saveFile({
          ...options,
          bytes: bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes,
        })
      ).saved,
    appInfo: () => api.appInfo(),
    setLanguage: (lang) => api.setLanguage(lang),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    writeDailyBackup: (input) => api.writeBackup(input),
  };
}
