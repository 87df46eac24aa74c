/**
 * The names that cross the process boundary, without the schemas: the sandboxed preload
 * imports these, and bundling zod into it only to read two constants would be waste.
 * `contract.ts` re-exports everything here; import from there everywhere else.
 */

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'openPackage',
  'importAppeals',
  'exportCoderFile',
  'saveProjectFile',
  'restoreProjectFile',
  'settings',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const IPC = {
  openFiles: 'file:open',
  saveFile: 'file:save',
  appInfo: 'app:info',
  setLanguage: 'app:setLanguage',
  writeBackup: 'backup:write',
  menuCommand: 'menu:command',
} as const;

/** True for one of MENU_COMMANDS; the preload drops anything else. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
