/*
 * A small stand-in for the `electron` module (vitest.config.ts aliases `electron` to this file):
 * Electron's binary cannot be downloaded everywhere, and main/preload are thin enough that
 * recording what they ask of Electron tests what matters. Only what electron/ uses is here.
 * Tests import the same module instance through `./fakeElectron.ts` to drive and inspect it.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

/** An Electron-style event: `preventDefault()` is what the security handlers call. */
export function fakeEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Names of the calls main makes, in order (e.g. to check what happens before `ready`). */
export const callLog: string[] = [];

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: unknown[][] = [];
  readonly mainFrame: FakeFrame = { url: 'app://kodtau/index.html', parent: null };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static focused: BrowserWindow | null = null;
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.focused;
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    callLog.push('new BrowserWindow');
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    BrowserWindow.focused = this;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Kodtau';
  appPath = '/nonexistent/kodtau';
  documentsPath = '/nonexistent/documents';
  userDataPath = '/nonexistent/user-data';
  locale = 'en-US';
  gotLock = true;
  quitCalled = false;
  private readyResolve: () => void = () => {};
  private readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  /** Test side: fire `ready`. */
  makeReady(): void {
    callLog.push('ready');
    this.readyResolve();
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  enableSandbox(): void {
    callLog.push('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalled = true;
  }
  exit(): void {}
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    if (name === 'documents') return this.documentsPath;
    if (name === 'userData') return this.userDataPath;
    throw new Error(`fake app.getPath: ${name}`);
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getLocale(): string {
    return this.locale;
  }
}
export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: unknown[][] = [];
  invokeResult: unknown = undefined;
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push([channel, ...args]);
    return Promise.resolve(this.invokeResult);
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

interface DialogResult {
  canceled: boolean;
  filePaths?: string[];
  filePath?: string;
}
export const dialog = {
  /** What the next dialog "returns"; the options it was opened with are recorded. */
  nextResult: { canceled: true, filePaths: [] } as DialogResult,
  calls: [] as { kind: 'open' | 'save'; options: Record<string, unknown> }[],
  showOpenDialog(_window: unknown, options: Record<string, unknown>): Promise<DialogResult> {
    this.calls.push({ kind: 'open', options });
    return Promise.resolve(this.nextResult);
  },
  showSaveDialog(_window: unknown, options: Record<string, unknown>): Promise<DialogResult> {
    this.calls.push({ kind: 'save', options });
    return Promise.resolve(this.nextResult);
  },
};

export const protocol = {
  privilegedSchemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    callLog.push('protocol.registerSchemesAsPrivileged');
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    callLog.push('protocol.handle');
    this.handlers.set(scheme, handler);
  },
};

class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

export interface FakeMenu {
  template: unknown[];
}
export const Menu = {
  current: null as FakeMenu | null,
  buildFromTemplate(template: unknown[]): FakeMenu {
    return { template };
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    callLog.push('Menu.setApplicationMenu');
    this.current = menu;
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  session,
  shell,
};
