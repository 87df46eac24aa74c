import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BACKUP_FILE_ENDING, backupFolderName, KEEP_DAILY_BACKUPS } from '../../electron/main/backups.ts';
import { registerIpcHandlers } from '../../electron/main/ipc.ts';
import { PROJECT_FILE_EXTENSION } from '../../shared/formats/projectFile.ts';
import { IPC, MAX_FILE_BYTES } from '../../shared/ipc/contract.ts';
import type { Lang } from '../../shared/model/lang.ts';
import { app, BrowserWindow, dialog, FakeWebContents, ipcMain, type FakeFrame } from './fakeElectron.ts';

let window: BrowserWindow | null;
const languages: Lang[] = [];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kodtau-ipc-'));
  app.documentsPath = dir;
  app.userDataPath = path.join(dir, 'user-data');
  registerIpcHandlers({
    getWindow: () => window as unknown as ElectronWindow | null,
    setLanguage: (lang) => languages.push(lang),
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  window = new BrowserWindow();
  languages.length = 0;
  dialog.calls.length = 0;
  dialog.nextResult = { canceled: true, filePaths: [] };
});

interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
}
const trusted = (): FakeInvokeEvent => ({
  sender: window!.webContents,
  senderFrame: window!.webContents.mainFrame,
});

function invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel) as unknown as (
    event: FakeInvokeEvent,
    ...args: unknown[]
  ) => unknown;
  if (!handler) throw new Error(`no handler for ${channel}`);
  // ipcMain.handle turns a throw into a rejected invoke(); so does this.
  return (async () => handler(event, ...args))();
}

const validInput: Record<string, unknown[]> = {
  [IPC.openFiles]: [{ filters: [{ name: 'CSV', extensions: ['csv'] }], multiple: true }],
  [IPC.saveFile]: [{ suggestedName: 'coder.json', bytes: new Uint8Array([1]), filters: [] }],
  [IPC.appInfo]: [],
  [IPC.setLanguage]: ['kk'],
  [IPC.writeBackup]: [{ projectId: 'p-1', day: '2026-03-01', bytes: new Uint8Array([1]) }],
};
const channels = [IPC.openFiles, IPC.saveFile, IPC.appInfo, IPC.setLanguage, IPC.writeBackup];
const backupsRoot = () => path.join(app.userDataPath, 'backups');

describe('IPC handlers', () => {
  it('register exactly one handler per contract call', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  const foreignSenders: [string, () => FakeInvokeEvent][] = [
    [
      'a frame from another origin',
      () => ({ sender: window!.webContents, senderFrame: { url: 'https://evil.example/', parent: null } }),
    ],
    [
      'another app:// host',
      () => ({ sender: window!.webContents, senderFrame: { url: 'app://evil/index.html', parent: null } }),
    ],
    [
      'a file:// page',
      () => ({ sender: window!.webContents, senderFrame: { url: 'file:///tmp/index.html', parent: null } }),
    ],
    [
      'a subframe of our page',
      () => ({
        sender: window!.webContents,
        senderFrame: { url: 'app://kodtau/index.html', parent: window!.webContents.mainFrame },
      }),
    ],
    ['a frame that is gone', () => ({ sender: window!.webContents, senderFrame: null })],
    [
      'another web contents',
      () => ({
        sender: new FakeWebContents(),
        senderFrame: { url: 'app://kodtau/index.html', parent: null },
      }),
    ],
  ];

  for (const channel of channels) {
    describe(channel, () => {
      it.each(foreignSenders)('refuses %s, before looking at the input', async (_name, sender) => {
        await expect(invoke(channel, sender(), ...validInput[channel]!)).rejects.toThrow(/untrusted sender/);
        expect(dialog.calls).toEqual([]);
        expect(languages).toEqual([]);
        await expect(readdir(app.userDataPath)).rejects.toThrow(/ENOENT/);
      });

      it('refuses everything once the window is closed', async () => {
        const event = trusted();
        window = null;
        await expect(invoke(channel, event, ...validInput[channel]!)).rejects.toThrow(/untrusted sender/);
      });
    });
  }

  describe(IPC.openFiles, () => {
    it.each([
      ['nothing', []],
      ['a string', ['/etc/passwd']],
      ['multiple as a string', [{ filters: [], multiple: 'yes' }]],
      [
        'a filter extension with a dot and path',
        [{ filters: [{ name: 'x', extensions: ['../*'] }], multiple: false }],
      ],
      ['filters missing', [{ multiple: false }]],
    ])('refuses %s as input', async (_name, args) => {
      await expect(invoke(IPC.openFiles, trusted(), ...args)).rejects.toThrow(/Invalid input for file:open/);
      expect(dialog.calls).toEqual([]);
    });

    it('returns [] when the dialog is cancelled', async () => {
      await expect(invoke(IPC.openFiles, trusted(), ...validInput[IPC.openFiles]!)).resolves.toEqual([]);
      expect(dialog.calls[0]?.options).toMatchObject({
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
    });

    it('reads the chosen files from disk', async () => {
      const a = path.join(dir, 'appeals.csv');
      const b = path.join(dir, 'обращения.json');
      await writeFile(a, 'id,text\n1,Пример\n');
      await writeFile(b, new Uint8Array([0xff, 0xfe, 0x00]));
      dialog.nextResult = { canceled: false, filePaths: [a, b] };
      const files = (await invoke(IPC.openFiles, trusted(), ...validInput[IPC.openFiles]!)) as {
        name: string;
        bytes: Uint8Array;
      }[];
      expect(files.map((f) => f.name)).toEqual(['appeals.csv', 'обращения.json']);
      expect(new TextDecoder().decode(files[0]!.bytes)).toBe('id,text\n1,Пример\n');
      expect(files[1]!.bytes).toEqual(new Uint8Array([0xff, 0xfe, 0x00]));
      expect(files[0]!.bytes.buffer.byteLength).toBe(files[0]!.bytes.byteLength);
    });

    it('opens one file only unless asked for several', async () => {
      await invoke(IPC.openFiles, trusted(), { filters: [], multiple: false });
      expect(dialog.calls[0]?.options.properties).toEqual(['openFile']);
    });

    it(`refuses a file larger than ${MAX_FILE_BYTES} bytes without reading it`, async () => {
      const huge = path.join(dir, 'huge.csv');
      await writeFile(huge, '');
      await truncate(huge, MAX_FILE_BYTES + 1); // sparse: takes no disk space
      dialog.nextResult = { canceled: false, filePaths: [huge] };
      await expect(invoke(IPC.openFiles, trusted(), { filters: [], multiple: false })).rejects.toThrow(
        /huge\.csv is larger than 512 MiB/,
      );
      await rm(huge);
    });
  });

  describe(IPC.saveFile, () => {
    const save = (input: unknown) => invoke(IPC.saveFile, trusted(), input);

    it.each([
      ['a path as the name', { suggestedName: '../../.bashrc', bytes: new Uint8Array(), filters: [] }],
      [
        'an absolute path as the name',
        { suggestedName: '/etc/passwd', bytes: new Uint8Array(), filters: [] },
      ],
      [
        'a Windows path as the name',
        { suggestedName: 'C:\\Windows\\x.dll', bytes: new Uint8Array(), filters: [] },
      ],
      ['an empty name', { suggestedName: '', bytes: new Uint8Array(), filters: [] }],
      ['bytes as a plain array', { suggestedName: 'a.json', bytes: [1, 2, 3], filters: [] }],
      ['bytes as a string', { suggestedName: 'a.json', bytes: 'hello', filters: [] }],
      ['a number as the name', { suggestedName: 42, bytes: new Uint8Array(), filters: [] }],
      ['no filters', { suggestedName: 'a.json', bytes: new Uint8Array() }],
      ['null', null],
    ])('refuses %s', async (_name, input) => {
      await expect(save(input)).rejects.toThrow(/Invalid input for file:save/);
      expect(dialog.calls).toEqual([]);
    });

    it('writes the bytes where the user chose, suggesting the name in Documents', async () => {
      const target = path.join(dir, 'coder-aigerim.kodtau.json');
      dialog.nextResult = { canceled: false, filePath: target };
      const bytes = new TextEncoder().encode('{"format":"kodtau-coder-file"}');
      await expect(
        save({
          suggestedName: 'coder.kodtau.json',
          bytes,
          filters: [{ name: 'Kodtau', extensions: ['json'] }],
        }),
      ).resolves.toEqual({ saved: true });
      expect(await readFile(target, 'utf8')).toBe('{"format":"kodtau-coder-file"}');
      expect(dialog.calls[0]?.options).toMatchObject({
        defaultPath: path.join(dir, 'coder.kodtau.json'),
        filters: [{ name: 'Kodtau', extensions: ['json'] }],
      });
    });

    it('replaces an existing file and leaves no temporary file behind', async () => {
      const target = path.join(dir, 'replace.csv');
      await writeFile(target, 'old');
      dialog.nextResult = { canceled: false, filePath: target };
      await save({ suggestedName: 'replace.csv', bytes: new TextEncoder().encode('new'), filters: [] });
      expect(await readFile(target, 'utf8')).toBe('new');
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });

    it('writes nothing when the dialog is cancelled', async () => {
      const before = await readdir(dir);
      await expect(
        save({ suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] }),
      ).resolves.toEqual({
        saved: false,
      });
      expect(await readdir(dir)).toEqual(before);
    });

    it('reports a write into a missing folder as an error', async () => {
      dialog.nextResult = { canceled: false, filePath: path.join(dir, 'no-such-folder', 'x.csv') };
      await expect(save({ suggestedName: 'x.csv', bytes: new Uint8Array([1]), filters: [] })).rejects.toThrow(
        /ENOENT/,
      );
    });
  });

  describe(IPC.appInfo, () => {
    it('returns the app name, versions, platform and locale', async () => {
      app.locale = 'kk-KZ';
      await expect(invoke(IPC.appInfo, trusted())).resolves.toMatchObject({
        name: 'Kodtau',
        version: '0.1.0',
        platform: process.platform,
        locale: 'kk-KZ',
      });
    });

    it('refuses an argument it does not take', async () => {
      await expect(invoke(IPC.appInfo, trusted(), { x: 1 })).rejects.toThrow(/Invalid input for app:info/);
    });
  });

  describe(IPC.setLanguage, () => {
    it.each(['kk', 'ru', 'en'] as const)('switches the menu to %s', async (lang) => {
      await expect(invoke(IPC.setLanguage, trusted(), lang)).resolves.toBeUndefined();
      expect(languages).toEqual([lang]);
    });

    it.each([['de'], ['KK'], [5], [undefined], [{ lang: 'kk' }]])('refuses %j', async (input) => {
      await expect(invoke(IPC.setLanguage, trusted(), input)).rejects.toThrow(
        /Invalid input for app:setLanguage/,
      );
      expect(languages).toEqual([]);
    });
  });

  describe(IPC.writeBackup, () => {
    const write = (input: unknown) => invoke(IPC.writeBackup, trusted(), input);
    const text = (value: string) => new TextEncoder().encode(value);
    const folder = (name: string) => path.join(backupsRoot(), name);

    afterEach(async () => {
      await rm(app.userDataPath, { recursive: true, force: true });
    });

    it.each([
      ['a day that is a path', { projectId: 'p-1', day: '../../x', bytes: new Uint8Array() }],
      ['a day that does not exist', { projectId: 'p-1', day: '2026-02-30', bytes: new Uint8Array() }],
      ['an empty project id', { projectId: '', day: '2026-03-01', bytes: new Uint8Array() }],
      ['bytes as a string', { projectId: 'p-1', day: '2026-03-01', bytes: 'hello' }],
      ['nothing', undefined],
    ])('refuses %s and writes nothing', async (_name, input) => {
      await expect(write(input)).rejects.toThrow(/Invalid input for backup:write/);
      await expect(readdir(app.userDataPath)).rejects.toThrow(/ENOENT/);
    });

    it("writes the day's copy into the user-data folder, replacing that day's earlier one", async () => {
      await write({ projectId: 'p-1', day: '2026-03-01', bytes: text('first') });
      await write({ projectId: 'p-1', day: '2026-03-01', bytes: text('second') });
      expect(await readdir(folder('p-1'))).toEqual(['2026-03-01.kodtau-project.json']);
      expect(await readFile(path.join(folder('p-1'), '2026-03-01.kodtau-project.json'), 'utf8')).toBe(
        'second',
      );
    });

    it('keeps the newest seven days and leaves other files alone', async () => {
      await mkdir(folder('p-1'), { recursive: true });
      await writeFile(path.join(folder('p-1'), 'notes.txt'), 'mine');
      for (let day = 1; day <= 10; day++)
        await write({
          projectId: 'p-1',
          day: `2026-03-${String(day).padStart(2, '0')}`,
          bytes: text(`${day}`),
        });
      expect((await readdir(folder('p-1'))).sort()).toEqual([
        ...[4, 5, 6, 7, 8, 9, 10].map((day) => `2026-03-${String(day).padStart(2, '0')}.kodtau-project.json`),
        'notes.txt',
      ]);
      expect(KEEP_DAILY_BACKUPS).toBe(7);
    });

    it.each(['../../evil', '..', '/etc/passwd', 'C:\\Windows', 'a/b'])(
      'keeps the project id %j inside the backups folder',
      async (projectId) => {
        await write({ projectId, day: '2026-03-01', bytes: text('x') });
        const [name, ...others] = await readdir(backupsRoot());
        expect(others).toEqual([]);
        expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(name).toBe(backupFolderName(projectId));
        expect(await readdir(folder(name!))).toEqual(['2026-03-01.kodtau-project.json']);
      },
    );

    it('gives two ids that differ only in a replaced character two folders', () => {
      expect(backupFolderName('p-1')).toBe('p-1');
      expect(backupFolderName('a/b')).not.toBe(backupFolderName('a_b'));
      expect(backupFolderName('a/b')).not.toBe(backupFolderName('a.b'));
    });

    it('names the copies as the app names a project file', () => {
      expect(BACKUP_FILE_ENDING).toBe(`.${PROJECT_FILE_EXTENSION}`);
    });
  });
});
