import { app, BrowserWindow, type WebPreferences } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL } from './protocol.ts';
import { hardenWebContents } from './security.ts';

/** `dist-electron/preload.cjs` inside the app (the asar archive when packaged). */
export function preloadPath(): string {
  return path.join(app.getAppPath(), 'dist-electron', 'preload.cjs');
}

/**
 * The renderer gets no Node, no Electron and no shared JavaScript world: only the `kodtau` API
 * that the sandboxed preload exposes. Every value is spelled out, defaults included, so that a
 * change of Electron's defaults cannot loosen it and a reader need not know them.
 */
export function secureWebPreferences(): WebPreferences {
  return {
    preload: preloadPath(),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

let mainWindow: BrowserWindow | null = null;

/** The one window, or null before it is created and after it is closed. */
export function getMainWindow(): BrowserWindow | null {
  return mainWindow;
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Kodtau',
    // Shown on 'ready-to-show', so the user never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(),
  });
  // Also installed by 'web-contents-created'; repeated here so the window is safe on its own.
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  window
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => console.error('Kodtau: the UI did not load', error));
  return window;
}
