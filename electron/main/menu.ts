import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { IPC, type MenuCommand } from '../../shared/ipc/contract.ts';
import { LANGS, type Lang } from '../../shared/model/lang.ts';
import en from '../../locales/en/translation.json';
import ru from '../../locales/ru/translation.json';
import kk from '../../locales/kk/translation.json';
import { getMainWindow } from './window.ts';

type MenuLabels = typeof en.menu;

/** Typed from `en`: a key that `ru` or `kk` lacks is a compile error here. */
const LABELS: Readonly<Record<Lang, MenuLabels>> = { en: en.menu, ru: ru.menu, kk: kk.menu };

/** "kk-KZ" → kk, "ru" → ru, "en-GB" → en; anything else → en. */
export function languageFromLocale(locale: string): Lang {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === primary) ?? 'en';
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer items (reload, dev tools) only in an unpackaged build. */
  isPackaged: boolean;
  send: (command: MenuCommand) => void;
}

/** The application menu in `lang`, as a template (pure: no Electron calls). */
export function buildMenuTemplate(lang: Lang, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[lang];
  const isMac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(name),
  });
  const about = command(t.about, 'about');
  const settings = command(t.settings, 'settings', 'CmdOrCtrl+,');
  const quit: MenuItemConstructorOptions = { label: t.quit, role: 'quit' };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    // macOS puts About, Settings and Quit in the menu named after the app.
    template.push({
      label: app.name,
      submenu: [about, { type: 'separator' }, settings, { type: 'separator' }, quit],
    });
  }
  template.push(
    {
      label: t.file,
      submenu: [
        command(t.openPackage, 'openPackage', 'CmdOrCtrl+O'),
        command(t.importAppeals, 'importAppeals', 'CmdOrCtrl+I'),
        command(t.exportCoderFile, 'exportCoderFile', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command(t.saveProjectFile, 'saveProjectFile', 'CmdOrCtrl+S'),
        command(t.restoreProjectFile, 'restoreProjectFile'),
        ...(isMac ? [] : [{ type: 'separator' } as const, settings, { type: 'separator' } as const, quit]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        { type: 'separator' },
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { type: 'separator' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        { label: t.resetZoom, role: 'resetZoom' },
        { type: 'separator' },
        { label: t.fullscreen, role: 'togglefullscreen' },
        // For developers only, so Electron's own (English) labels.
        ...(options.isPackaged
          ? []
          : [
              { type: 'separator' } as const,
              { role: 'reload' } as const,
              { role: 'toggleDevTools' } as const,
            ]),
      ],
    },
    {
      label: t.window,
      submenu: [
        { label: t.minimize, role: 'minimize' },
        { label: t.close, role: 'close' },
      ],
    },
    { label: t.help, submenu: [about] },
  );
  return template;
}

/** Sends a menu command to the focused window (or the main one, e.g. when it is minimised). */
export function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? getMainWindow();
  if (target && !target.isDestroyed()) target.webContents.send(IPC.menuCommand, command);
}

/** Builds and installs the application menu; called at start and on every `app:setLanguage`. */
export function setApplicationMenu(lang: Lang): void {
  const template = buildMenuTemplate(lang, {
    platform: process.platform,
    isPackaged: app.isPackaged,
    send: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
