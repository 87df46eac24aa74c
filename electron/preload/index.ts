import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Values from channels.ts, types only from contract.ts: the schemas (and zod) stay out of the preload.
import { IPC, isMenuCommand, type MenuCommand } from '../../shared/ipc/channels.ts';
import type {
  AppInfo,
  KodtauApi,
  OpenFilesInput,
  PickedFile,
  SaveFileInput,
  SaveFileResult,
  WriteBackupInput,
} from '../../shared/ipc/contract.ts';
import type { Lang } from '../../shared/model/lang.ts';

/*
 * Runs sandboxed: it can `require('electron')` and nothing else, so Vite bundles it into one
 * CommonJS file. It does not validate inputs (main does, with the contract's schemas); it only
 * narrows what the page can reach to one method per contract call — never `ipcRenderer` itself,
 * never an IPC event object.
 */

const api = {
  openFiles: (input: OpenFilesInput): Promise<PickedFile[]> => ipcRenderer.invoke(IPC.openFiles, input),
  saveFile: (input: SaveFileInput): Promise<SaveFileResult> => ipcRenderer.invoke(IPC.saveFile, input),
  appInfo: (): Promise<AppInfo> => ipcRenderer.invoke(IPC.appInfo),
  setLanguage: async (lang: Lang): Promise<void> => {
    await ipcRenderer.invoke(IPC.setLanguage, lang);
  },
  writeBackup: async (input: WriteBackupInput): Promise<void> => {
    await ipcRenderer.invoke(IPC.writeBackup, input);
  },
  onMenuCommand: (listener: (command: MenuCommand) => void): (() => void) => {
    const onMessage = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC.menuCommand, onMessage);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, onMessage);
    };
  },
} satisfies KodtauApi;

contextBridge.exposeInMainWorld('kodtau', api);
