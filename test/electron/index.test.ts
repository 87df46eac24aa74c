import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Each test loads electron/main/index.ts afresh, with a fresh fake electron. */
async function start(options: { gotLock?: boolean; locale?: string } = {}) {
  vi.resetModules();
  const fake = await import('./fakeElectron.ts');
  fake.app.gotLock = options.gotLock ?? true;
  fake.app.locale = options.locale ?? 'en-US';
  await import('../../electron/main/index.ts');
  return fake;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.restoreAllMocks();
});

describe('main entry', () => {
  it('registers app:// as privileged and enables the sandbox before ready, and nothing else', async () => {
    const fake = await start();
    expect(fake.callLog).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox']);
    expect(fake.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('on ready: protocol, IPC, menu in the OS language, then one secure window', async () => {
    const fake = await start({ locale: 'ru-RU' });
    fake.app.makeReady();
    await tick();
    expect(fake.callLog).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'ready',
      'protocol.handle',
      'Menu.setApplicationMenu',
      'new BrowserWindow',
    ]);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(
      ['app:info', 'app:setLanguage', 'backup:write', 'file:open', 'file:save'].sort(),
    );
    const menu = fake.Menu.current!.template as { label: string }[];
    expect(menu[0]!.label).toBe('Файл');
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(fake.session.defaultSession.permissionCheckHandler).not.toBeNull();
  });

  it('rebuilds the menu when the renderer switches language', async () => {
    const fake = await start({ locale: 'en-US' });
    fake.app.makeReady();
    await tick();
    const window = fake.BrowserWindow.instances[0]!;
    const handler = fake.ipcMain.handlers.get('app:setLanguage') as unknown as (
      ...args: unknown[]
    ) => unknown;
    await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, 'kk');
    const menu = fake.Menu.current!.template as { label: string }[];
    expect(menu.map((item) => item.label)).toContain('Түзету');
  });

  it('hands over to the running instance and quits when it is not the first', async () => {
    const fake = await start({ gotLock: false });
    expect(fake.app.quitCalled).toBe(true);
    fake.app.makeReady();
    await tick();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const fake = await start();
    fake.app.makeReady();
    await tick();
    const window = fake.BrowserWindow.instances[0]!;
    const focus = vi.spyOn(window, 'focus');
    fake.app.emit('second-instance');
    expect(focus).toHaveBeenCalled();
  });

  it('quits when the window closes (except on macOS)', async () => {
    const fake = await start();
    fake.app.makeReady();
    await tick();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalled).toBe(process.platform !== 'darwin');
  });
});
