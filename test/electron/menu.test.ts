import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import {
  buildMenuTemplate,
  languageFromLocale,
  sendMenuCommand,
  setApplicationMenu,
} from '../../electron/main/menu.ts';
import { IPC, MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract.ts';
import { LANGS, type Lang } from '../../shared/model/lang.ts';
import en from '../../locales/en/translation.json';
import ru from '../../locales/ru/translation.json';
import kk from '../../locales/kk/translation.json';
import { BrowserWindow, Menu } from './fakeElectron.ts';

const labels = { en: en.menu, ru: ru.menu, kk: kk.menu };

function build(lang: Lang, platform: NodeJS.Platform = 'linux', isPackaged = true) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate(lang, { platform, isPackaged, send: (command) => sent.push(command) });
  return { template, sent };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...items((item.submenu as MenuItemConstructorOptions[] | undefined) ?? []),
  ]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).filter((item) => item.label === label);
  expect(found, label).toHaveLength(1);
  return found[0]!;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('application menu', () => {
  it.each(LANGS)('has the top-level menus in %s', (lang) => {
    const t = labels[lang];
    expect(build(lang).template.map((item) => item.label)).toEqual([
      t.file,
      t.edit,
      t.view,
      t.window,
      t.help,
    ]);
  });

  it.each(LANGS)('labels every item in %s, roles included', (lang) => {
    const { template } = build(lang);
    const t = labels[lang];
    for (const [role, label] of [
      ['undo', t.undo],
      ['redo', t.redo],
      ['cut', t.cut],
      ['copy', t.copy],
      ['paste', t.paste],
      ['selectAll', t.selectAll],
      ['zoomIn', t.zoomIn],
      ['zoomOut', t.zoomOut],
      ['resetZoom', t.resetZoom],
      ['togglefullscreen', t.fullscreen],
      ['minimize', t.minimize],
      ['close', t.close],
      ['quit', t.quit],
    ]) {
      expect(byLabel(template, label!).role, label).toBe(role);
    }
    for (const item of items(template)) if (item.type !== 'separator') expect(item.label).toBeTruthy();
  });

  it.each(LANGS)('sends the right command from each custom item in %s', (lang) => {
    const { template, sent } = build(lang);
    const t = labels[lang];
    const expected: [string, MenuCommand][] = [
      [t.openPackage, 'openPackage'],
      [t.importAppeals, 'importAppeals'],
      [t.exportCoderFile, 'exportCoderFile'],
      [t.saveProjectFile, 'saveProjectFile'],
      [t.restoreProjectFile, 'restoreProjectFile'],
      [t.settings, 'settings'],
      [t.about, 'about'],
    ];
    for (const [label] of expected) click(byLabel(template, label));
    expect(sent).toEqual(expected.map(([, command]) => command));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('has keyboard shortcuts for the file commands', () => {
    const { template } = build('en');
    expect(byLabel(template, en.menu.openPackage).accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel(template, en.menu.saveProjectFile).accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel(template, en.menu.settings).accelerator).toBe('CmdOrCtrl+,');
  });

  it('offers reload and dev tools only in an unpackaged build', () => {
    const roles = (isPackaged: boolean) =>
      items(build('en', 'linux', isPackaged).template).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('puts About, Settings and Quit in the app menu on macOS', () => {
    const { template } = build('ru', 'darwin');
    expect(template[0]!.label).toBe('Kodtau');
    const appMenu = (template[0]!.submenu as MenuItemConstructorOptions[]).map((item) => item.label);
    expect(appMenu).toContain(ru.menu.settings);
    expect(appMenu).toContain(ru.menu.quit);
    expect(template[1]!.label).toBe(ru.menu.file);
  });

  it.each([
    ['kk-KZ', 'kk'],
    ['kk', 'kk'],
    ['ru-RU', 'ru'],
    ['ru_KZ', 'ru'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
  ] as const)('picks %j → %s as the first language', (locale, lang) => {
    expect(languageFromLocale(locale)).toBe(lang);
  });

  it('installs the menu and sends commands to the focused window', () => {
    setApplicationMenu('kk');
    const template = Menu.current!.template as MenuItemConstructorOptions[];
    expect(template.map((item) => item.label)).toContain(kk.menu.file);

    const window = new BrowserWindow();
    BrowserWindow.focused = window;
    click(byLabel(template, kk.menu.exportCoderFile));
    expect(window.webContents.sent).toEqual([[IPC.menuCommand, 'exportCoderFile']]);
  });

  it('sends nothing when there is no window', () => {
    BrowserWindow.focused = null;
    expect(() => sendMenuCommand('about')).not.toThrow();
  });
});
