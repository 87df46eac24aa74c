import { beforeAll, describe, expect, it } from 'vitest';
import { IPC, MENU_COMMANDS, type KodtauApi, type MenuCommand } from '../../shared/ipc/contract.ts';
import { contextBridge, fakeEvent, ipcRenderer } from './fakeElectron.ts';

/** Every method of KodtauApi; the type below fails to compile if the contract gains one. */
const CONTRACT_METHODS = [
  'appInfo',
  'onMenuCommand',
  'openFiles',
  'saveFile',
  'setLanguage',
  'writeBackup',
] as const;
type Missing = Exclude<keyof KodtauApi, (typeof CONTRACT_METHODS)[number]>;
const everyMethodListed: [Missing] extends [never] ? true : false = true;

let api: KodtauApi;

beforeAll(async () => {
  await import('../../electron/preload/index.ts');
  api = contextBridge.exposed.get('kodtau') as KodtauApi;
});

describe('preload', () => {
  it('exposes window.kodtau and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['kodtau']);
  });

  it("exposes exactly the contract's methods, as plain functions, never ipcRenderer", () => {
    expect(everyMethodListed).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...CONTRACT_METHODS]);
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.on);
    }
  });

  it('invokes one contract channel per method', async () => {
    ipcRenderer.invocations.length = 0;
    const open = { filters: [], multiple: false };
    const save = { suggestedName: 'a.csv', bytes: new Uint8Array([1]), filters: [] };
    await api.openFiles(open);
    await api.saveFile(save);
    await api.appInfo();
    await api.setLanguage('ru');
    const backup = { projectId: 'p-1', day: '2026-03-01', bytes: new Uint8Array([1]) };
    await api.writeBackup(backup);
    expect(ipcRenderer.invocations).toEqual([
      [IPC.openFiles, open],
      [IPC.saveFile, save],
      [IPC.appInfo],
      [IPC.setLanguage, 'ru'],
      [IPC.writeBackup, backup],
    ]);
  });

  it('passes only the command to a menu listener, never the event object', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    for (const command of MENU_COMMANDS)
      ipcRenderer.emit(IPC.menuCommand, { ...fakeEvent(), sender: ipcRenderer }, command);
    expect(received).toEqual(MENU_COMMANDS.map((command) => [command]));
    unsubscribe();
  });

  it('ignores commands that are not in the contract', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    for (const junk of [
      'rm -rf',
      'constructor',
      '__proto__',
      '',
      42,
      null,
      { toString: () => 'about' },
      ['about'],
    ]) {
      ipcRenderer.emit(IPC.menuCommand, fakeEvent(), junk);
    }
    expect(received).toEqual([]);
    unsubscribe();
  });

  it('stops calling a listener once it unsubscribes', () => {
    const before = ipcRenderer.listenerCount(IPC.menuCommand);
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    expect(ipcRenderer.listenerCount(IPC.menuCommand)).toBe(before + 1);
    unsubscribe();
    ipcRenderer.emit(IPC.menuCommand, fakeEvent(), 'about');
    expect(received).toEqual([]);
    expect(ipcRenderer.listenerCount(IPC.menuCommand)).toBe(before);
  });
});
