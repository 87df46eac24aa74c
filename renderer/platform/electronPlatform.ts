import type { KodtauApi } from '../../shared/ipc/contract.ts';
import type { Platform } from './types.ts';

export function createElectronPlatform(api: KodtauApi): Platform {
  return {
    kind: 'electron',
    openFiles: (options) => api.openFiles(options),
    saveFile: async (options) => (await api.saveFile(options)).saved,
    appInfo: () => api.appInfo(),
    setLanguage: (lang) => api.setLanguage(lang),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    writeDailyBackup: (input) => api.writeBackup(input),
  };
}
