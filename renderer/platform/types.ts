import type {
  AppInfo,
  FileFilter,
  MenuCommand,
  PickedFile,
  WriteBackupInput,
} from '../../shared/ipc/contract.ts';
import type { Lang } from '../../shared/model/index.ts';

export type { AppInfo, FileFilter, MenuCommand, PickedFile, WriteBackupInput };

/**
 * How the UI reaches the outside world. Electron implements it with the preload API, a plain
 * browser with a file input and a download link, tests with an in-memory fake.
 */
export interface Platform {
  kind: 'electron' | 'web';
  /** The files the user chose; an empty array when they cancelled. */
  openFiles(options: { filters: FileFilter[]; multiple: boolean }): Promise<PickedFile[]>;
  /**
   * Whether the file was written (false when the user cancelled). A large file comes as a Blob
   * built in a worker, so that the UI thread never copies its bytes into one.
   */
  saveFile(options: {
    suggestedName: string;
    bytes: Uint8Array<ArrayBuffer> | Blob;
    filters: FileFilter[];
  }): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
  /** Tells the host the UI language (Electron rebuilds its menu). */
  setLanguage(lang: Lang): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Writes the day's copy of a project to the user-data folder, keeping a week of them
   * (Electron); null where there is no such folder (a browser keeps nothing outside IndexedDB).
   */
  writeDailyBackup: ((input: WriteBackupInput) => Promise<void>) | null;
}
