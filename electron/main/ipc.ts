import { app, dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  IPC,
  MAX_FILE_BYTES,
  openFilesInputSchema,
  saveFileInputSchema,
  setLanguageInputSchema,
  writeBackupInputSchema,
  type AppInfo,
  type OpenFilesInput,
  type PickedFile,
  type SaveFileInput,
  type SaveFileResult,
} from '../../shared/ipc/contract.ts';
import type { Lang } from '../../shared/model/lang.ts';
import { writeDailyBackup } from './backups.ts';
import { APP_HOST, APP_SCHEME } from './protocol.ts';
import { writeFileAtomically } from './writeFileAtomically.ts';

export interface IpcDependencies {
  /** The one window whose main frame may call us. */
  getWindow: () => BrowserWindow | null;
  /** Rebuilds the application menu in `lang`. */
  setLanguage: (lang: Lang) => void;
}

function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Only the main frame of our window, showing our own `app://kodtau` page, may call main.
 * Anything else — another window, an iframe, a page that somehow navigated elsewhere, a frame
 * already gone (`senderFrame` null) — is refused before its input is even looked at.
 */
export function assertTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): BrowserWindow {
  const frame = event.senderFrame;
  const trusted =
    window !== null &&
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url);
  if (!trusted) throw new Error(`Refused IPC from an untrusted sender (${frame?.url ?? 'no frame'})`);
  return window;
}

/** Parses the renderer's `unknown` input, or throws an error that names the channel and the problem. */
export function parseInput<S extends z.ZodType>(channel: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`Invalid input for ${channel}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** A Uint8Array over exactly these bytes: IPC's structured clone copies a view's whole buffer. */
function exactBytes(buffer: Uint8Array): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : buffer.slice();
}

/** Reads one picked file; refuses one over MAX_FILE_BYTES before reading it (and after, in case it grew). */
export async function readPickedFile(filePath: string): Promise<PickedFile> {
  const name = path.basename(filePath);
  const tooLarge = () => new Error(`${name} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MiB`);
  const handle = await open(filePath, 'r');
  try {
    if ((await handle.stat()).size > MAX_FILE_BYTES) throw tooLarge();
    const bytes = await handle.readFile();
    if (bytes.byteLength > MAX_FILE_BYTES) throw tooLarge();
    return { name, bytes: exactBytes(bytes) };
  } finally {
    await handle.close();
  }
}

async function openFiles(window: BrowserWindow, input: OpenFilesInput): Promise<PickedFile[]> {
  const result = await dialog.showOpenDialog(window, {
    properties: input.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: input.filters,
  });
  if (result.canceled) return [];
  const files: PickedFile[] = [];
  for (const filePath of result.filePaths) files.push(await readPickedFile(filePath));
  return files;
}

async function saveFile(window: BrowserWindow, input: SaveFileInput): Promise<SaveFileResult> {
  const result = await dialog.showSaveDialog(window, {
    defaultPath: path.join(app.getPath('documents'), input.suggestedName),
    filters: input.filters,
  });
  if (result.canceled || !result.filePath) return { saved: false };
  await writeFileAtomically(result.filePath, input.bytes);
  return { saved: true };
}

function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    platform: process.platform,
    // The same source as the menu's first language, so the menu and the UI agree.
    locale: app.getLocale(),
  };
}

/** No input: the renderer calls `invoke(channel)` with nothing after it. */
const noInputSchema = z.undefined();

/** One `ipcMain.handle` per channel of the contract; each checks the sender, then parses. */
export function registerIpcHandlers(deps: IpcDependencies): void {
  const handle = <S extends z.ZodType, R>(
    channel: string,
    schema: S,
    run: (window: BrowserWindow, input: z.output<S>) => Promise<R> | R,
  ): void => {
    ipcMain.handle(channel, async (event, input: unknown) => {
      const window = assertTrustedSender(event, deps.getWindow());
      return run(window, parseInput(channel, schema, input));
    });
  };

  handle(IPC.openFiles, openFilesInputSchema, openFiles);
  handle(IPC.saveFile, saveFileInputSchema, saveFile);
  handle(IPC.appInfo, noInputSchema, () => appInfo());
  handle(IPC.setLanguage, setLanguageInputSchema, (_window, lang) => {
    deps.setLanguage(lang);
  });
  handle(IPC.writeBackup, writeBackupInputSchema, async (_window, input) => {
    await writeDailyBackup(path.join(app.getPath('userData'), 'backups'), input);
  });
}
