import { beforeEach, describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import path from 'node:path';
import { createMainWindow, getMainWindow } from '../../electron/main/window.ts';
import { hardenSession, hardenWebContents, installSecurityHandlers } from '../../electron/main/security.ts';
import { app, BrowserWindow, FakeWebContents, fakeEvent, session } from './fakeElectron.ts';

beforeEach(() => {
  app.appPath = '/opt/kodtau/resources/app.asar';
});

describe('the main window', () => {
  it('is created with secure web preferences and the bundled preload', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(prefs.preload).toBe(path.join('/opt/kodtau/resources/app.asar', 'dist-electron', 'preload.cjs'));
    expect(getMainWindow()).toBe(window);
  });

  it('loads app://kodtau/index.html and shows itself only when ready', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    expect(window.loadedUrls).toEqual(['app://kodtau/index.html']);
    expect(window.options.show).toBe(false);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('denies navigation, new windows and webviews from its own page', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      window.webContents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    for (const url of ['https://evil.example/', 'app://kodtau/index.html', 'file:///etc/passwd']) {
      expect(window.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('forgets the window once it is closed', () => {
    const window = createMainWindow() as unknown as BrowserWindow;
    window.emit('closed');
    expect(getMainWindow()).toBeNull();
  });
});

describe('security handlers', () => {
  it('harden every web contents created later, not only the main window', () => {
    installSecurityHandlers();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('deny every other permission request and check', () => {
    hardenSession(session.defaultSession as unknown as Session);
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } =
      session.defaultSession;
    const request = permissionRequestHandler as unknown as (...args: unknown[]) => void;
    const check = permissionCheckHandler as unknown as (...args: unknown[]) => boolean;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      let granted: boolean | undefined;
      request(null, permission, (answer: boolean) => (granted = answer), {
        requestingUrl: 'app://kodtau/index.html',
      });
      expect(granted, permission).toBe(false);
      expect(check(null, permission, 'app://kodtau', {}), permission).toBe(false);
    }
    expect((devicePermissionHandler as unknown as () => boolean)()).toBe(false);
  });

  it.each(['clipboard-sanitized-write', 'persistent-storage'])(
    'allow %s to our own page only',
    (permission) => {
      hardenSession(session.defaultSession as unknown as Session);
      const check = session.defaultSession.permissionCheckHandler as unknown as (
        ...args: unknown[]
      ) => boolean;
      const request = session.defaultSession.permissionRequestHandler as unknown as (
        ...args: unknown[]
      ) => void;
      expect(check(null, permission, 'app://kodtau', {})).toBe(true);
      expect(check(null, permission, 'https://evil.example', {})).toBe(false);
      expect(check(null, permission, 'app://evil', {})).toBe(false);
      expect(check(null, permission, '', {})).toBe(false);
      const answers: boolean[] = [];
      for (const requestingUrl of ['app://kodtau/index.html', 'https://evil.example/', 'file:///x.html']) {
        request(null, permission, (answer: boolean) => answers.push(answer), { requestingUrl });
      }
      expect(answers).toEqual([true, false, false]);
    },
  );

  it('hardenWebContents alone refuses navigation to our own origin too', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'app://kodtau/other.html');
    expect(event.defaultPrevented).toBe(true);
  });
});
