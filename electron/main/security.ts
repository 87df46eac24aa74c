import { app, session, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol.ts';

/**
 * The two permissions the UI needs, for our own page only; everything else is denied.
 * - clipboard-sanitized-write: "copy as table" pastes into Word/Excel; Chromium asks the
 *   permission check handler for it, so a blanket "deny" would break `navigator.clipboard.write`.
 *   Reading the clipboard stays denied.
 * - persistent-storage: IndexedDB is the only copy of a coder's work until it is exported;
 *   `navigator.storage.persist()` keeps Chromium from evicting it under disk pressure.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'persistent-storage']);

function isOwnOrigin(urlOrOrigin: string | undefined): boolean {
  if (!urlOrOrigin) return false;
  try {
    const url = new URL(urlOrOrigin);
    // Node's URL gives non-special schemes the origin "null", so compare the parts.
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function isPermissionAllowed(permission: string, requestingOrigin: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isOwnOrigin(requestingOrigin);
}

/** Camera, microphone, geolocation, notifications, HID, USB, serial, … : all denied. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
}

/**
 * The page never leaves `app://kodtau/index.html`: the UI is a single page that changes
 * views without navigating, so every navigation (a dropped file, a link, `location = …`, a
 * redirect, a frame) is refused; no new windows; no `<webview>`.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Call once, after `app` is ready and before the first window. */
export function installSecurityHandlers(): void {
  hardenSession(session.defaultSession);
  // Every web contents, including ones we did not create on purpose.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
