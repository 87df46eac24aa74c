import type { AppInfo, MenuCommand, PickedFile, Platform } from '../../renderer/platform/types.ts';
import type { Lang } from '../../shared/model/index.ts';

/** A saved file as recorded: its bytes, also when the screen handed a Blob. */
export type SaveFileCall = Omit<Parameters<Platform['saveFile']>[0], 'bytes'> & {
  bytes: Uint8Array<ArrayBuffer>;
};

/**
 * The platform seam for jsdom tests: files to open are queued by the test, files saved are
 * recorded, and menu commands can be sent as the Electron menu would.
 */
export interface FakePlatform extends Platform {
  saved: SaveFileCall[];
  languages: Lang[];
  /** The files the next openFiles call returns (then cleared). */
  nextOpen: PickedFile[];
  /** What saveFile answers: false plays a user who cancels the dialog. */
  saveResult: boolean;
  sendMenuCommand(command: MenuCommand): void;
}

export function createFakePlatform(): FakePlatform {
  const listeners = new Set<(command: MenuCommand) => void>();
  const waiting: MenuCommand[] = [];
  const platform: FakePlatform = {
    kind: 'web',
    saved: [],
    languages: [],
    nextOpen: [],
    saveResult: true,
    async openFiles() {
      const files = platform.nextOpen;
      platform.nextOpen = [];
      return files;
    },
    async saveFile({ bytes, ...options }) {
      const read = bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes;
      platform.saved.push({ ...options, bytes: read });
      return platform.saveResult;
    },
    async appInfo(): Promise<AppInfo> {
      return { name: 'Kodtau', version: 'test', electron: '', chrome: '', platform: 'test', locale: 'en-GB' };
    },
    async setLanguage(lang) {
      platform.languages.push(lang);
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      for (const command of waiting.splice(0)) listener(command);
      return () => listeners.delete(listener);
    },
    writeDailyBackup: null,
    sendMenuCommand(command) {
      // Sent before the screen has subscribed (its effect may not have run yet on a busy
      // machine): the command waits for the first listener instead of being lost.
      if (listeners.size === 0) waiting.push(command);
      for (const listener of listeners) listener(command);
    },
  };
  return platform;
}
