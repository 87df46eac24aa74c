import { ask } from '../workers/oneAnswer.ts';
import type { FileFilter, PickedFile, Platform } from './types.ts';

/**
 * Reads browser `File`s into the same shape the Electron dialog returns, in a worker where there
 * is one (fileReadWorker.ts): a large file read on this thread would hold it.
 */
export async function readFiles(files: Iterable<File>): Promise<PickedFile[]> {
  const list = [...files];
  if (list.length === 0) return [];
  const buffers =
    typeof Worker === 'undefined'
      ? await Promise.all(list.map((file) => file.arrayBuffer()))
      : await ask<ArrayBuffer[]>(
          new Worker(new URL('./fileReadWorker.ts', import.meta.url), { type: 'module' }),
          list,
        );
  return list.map((file, i) => ({ name: file.name, bytes: new Uint8Array(buffers[i]!) }));
}

function acceptAttribute(filters: readonly FileFilter[]): string {
  return filters
    .flatMap((filter) => filter.extensions)
    .filter((ext) => ext !== '*')
    .map((ext) => `.${ext}`)
    .join(',');
}

/** Opens the browser's file chooser; resolves with [] when the user cancels. */
function chooseFiles(filters: readonly FileFilter[], multiple: boolean): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    input.accept = acceptAttribute(filters);
    input.addEventListener('change', () => readFiles(input.files ?? []).then(resolve, reject));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

function download(name: string, bytes: Uint8Array<ArrayBuffer> | Blob): void {
  const url = URL.createObjectURL(bytes instanceof Blob ? bytes : new Blob([bytes]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoke later: revoking at once cancels the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    openFiles: ({ filters, multiple }) => chooseFiles(filters, multiple),
    saveFile: async ({ suggestedName, bytes }) => {
      download(suggestedName, bytes);
      return true;
    },
    appInfo: async () => ({
      name: 'Kodtau',
      version: import.meta.env.VITE_APP_VERSION ?? 'dev',
      electron: '',
      chrome: /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? '',
      platform: 'web',
      locale: navigator.language,
    }),
    setLanguage: async () => {},
    // A browser has no application menu.
    onMenuCommand: () => () => {},
    writeDailyBackup: null,
  };
}
