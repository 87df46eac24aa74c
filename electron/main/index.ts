import { app, BrowserWindow, protocol } from 'electron';
import path from 'node:path';
import { registerIpcHandlers } from './ipc.ts';
import { languageFromLocale, setApplicationMenu } from './menu.ts';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol.ts';
import { installSecurityHandlers } from './security.ts';
import { createMainWindow, getMainWindow } from './window.ts';

// Before `ready`, or Chromium will not know `app://` as a standard, secure scheme.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

function focusMainWindow(): void {
  const window = getMainWindow();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** Two instances would share one IndexedDB and overwrite each other's edits: the second one hands over and quits. */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      installSecurityHandlers();
      registerAppProtocol(path.join(app.getAppPath(), 'dist'));
      registerIpcHandlers({ getWindow: getMainWindow, setLanguage: setApplicationMenu });
      setApplicationMenu(languageFromLocale(app.getLocale()));
      createMainWindow();

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Kodtau could not start', error);
      app.exit(1);
    });
}
