/** What a key does on the coding screen, apart from picking a category. */
export type Command =
  | 'next'
  | 'previous'
  | 'nextUncoded'
  | 'variableDown'
  | 'variableUp'
  | 'undo'
  | 'redo'
  | 'search'
  | 'jump'
  | 'help'
  | 'definitions'
  | 'unsure'
  | 'note';

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * The command of a key press. Letters are matched by their physical key (`event.code`), so a
 * coder typing in a Russian or Kazakh layout gets the same commands as in an English one.
 */
export function commandFor(event: KeyLike): Command | null {
  if (event.altKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl) {
    if (event.code === 'KeyZ') return event.shiftKey ? 'redo' : 'undo';
    return CTRL_COMMANDS[event.code] ?? null;
  }
  if (event.key === 'F1' || event.key === '?' || (event.code === 'Slash' && event.shiftKey)) return 'help';
  if (event.key === '/' || event.code === 'Slash') return 'search';
  if (event.key === 'ArrowRight' || event.key === 'PageDown') return event.shiftKey ? 'nextUncoded' : 'next';
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') return event.shiftKey ? null : 'previous';
  if (event.key === 'ArrowDown') return 'variableDown';
  if (event.key === 'ArrowUp') return 'variableUp';
  return null;
}

const CTRL_COMMANDS: Partial<Record<string, Command>> = {
  KeyY: 'redo',
  KeyF: 'search',
  KeyG: 'jump',
  KeyI: 'definitions',
  KeyU: 'unsure',
  KeyE: 'note',
};

/**
 * The category shortcut a key press means: the character typed, or the Latin letter or digit of
 * the physical key when the layout types something else (Cyrillic "ф" on the key of "a").
 */
export function shortcutKeys(event: KeyLike): string[] {
  if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return [];
  const typed = event.key.toLowerCase();
  const physical = /^(?:Key([A-Z])|Digit(\d)|Numpad(\d))$/.exec(event.code);
  const latin = physical ? (physical[1] ?? physical[2] ?? physical[3]!).toLowerCase() : undefined;
  return latin && latin !== typed ? [typed, latin] : [typed];
}

/**
 * The key of "none of these" on a multiple-choice variable. Generated shortcuts never use it (they
 * run 1–9, a–z); a category a codebook gives this key keeps it.
 */
export const NONE_KEY = '0';

/** Whether a key press means "none of these" (typed 0, or the 0 key in any layout). */
export const isNoneKey = (event: KeyLike): boolean => shortcutKeys(event).includes(NONE_KEY);

/** The keys the help overlay lists, in order; the labels are `coding.help.<command>`. */
export const HELP_KEYS: readonly (readonly [Command | 'pick' | 'none' | 'close', string])[] = [
  ['next', '→ / PgDn'],
  ['previous', '← / PgUp'],
  ['nextUncoded', 'Shift + →'],
  ['variableDown', '↓'],
  ['variableUp', '↑'],
  ['pick', '1 … 9, a …'],
  ['none', NONE_KEY],
  ['undo', 'Ctrl + Z'],
  ['redo', 'Ctrl + Y / Ctrl + Shift + Z'],
  ['search', '/ · Ctrl + F'],
  ['jump', 'Ctrl + G'],
  ['definitions', 'Ctrl + I'],
  ['unsure', 'Ctrl + U'],
  ['note', 'Ctrl + E'],
  ['help', '? · F1'],
  ['close', 'Esc'],
];
