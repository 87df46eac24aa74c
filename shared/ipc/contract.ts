import { z } from 'zod';
import { langSchema, type Lang } from '../model/lang.ts';
import type { MenuCommand } from './channels.ts';

/**
 * Every call between the renderer and the main process. The preload exposes one method per
 * call (`KodtauApi`), main registers one handler per channel and parses the `unknown` input
 * with the schema below before doing anything.
 */

const fileFilterSchema = z.object({
  name: z.string().min(1).max(200),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const openFilesInputSchema = z.object({
  filters: z.array(fileFilterSchema).max(10),
  multiple: z.boolean(),
});
export type OpenFilesInput = z.infer<typeof openFilesInputSchema>;

/** 512 MiB: larger than any appeals file we expect, small enough to refuse garbage. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export const saveFileInputSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[/\\]/.test(name), 'a file name, not a path'),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
  filters: z.array(fileFilterSchema).max(10),
});
export type SaveFileInput = z.infer<typeof saveFileInputSchema>;

export const setLanguageInputSchema = langSchema;

/**
 * The daily copy of an open project (Electron only): main writes it to
 * `<userData>/backups/<project>/<day>.kodtau-project.json` and keeps the newest seven days.
 */
export const writeBackupInputSchema = z.object({
  /** Any project id; main makes a folder name of it that cannot leave the backups folder. */
  projectId: z.string().min(1).max(500),
  /** The renderer's local day, yyyy-mm-dd. */
  day: z.iso.date(),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large'),
});
export type WriteBackupInput = z.infer<typeof writeBackupInputSchema>;

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileResult {
  saved: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  platform: string;
  /** The OS locale, e.g. "kk-KZ"; the UI picks its first language from it. */
  locale: string;
}

export { IPC, MENU_COMMANDS, isMenuCommand, type MenuCommand } from './channels.ts';

/** What `window.kodtau` offers in Electron; the preload ends with `satisfies KodtauApi`. */
export interface KodtauApi {
  openFiles(input: OpenFilesInput): Promise<PickedFile[]>;
  saveFile(input: SaveFileInput): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  setLanguage(lang: Lang): Promise<void>;
  writeBackup(input: WriteBackupInput): Promise<void>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
