import { describe, expect, it } from 'vitest';
import { commandFor, HELP_KEYS, isNoneKey, shortcutKeys } from '../../../renderer/features/coding/keys.ts';

const key = (
  key: string,
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('commandFor', () => {
  it('maps the navigation keys', () => {
    expect(commandFor(key('ArrowRight', 'ArrowRight'))).toBe('next');
    expect(commandFor(key('PageDown', 'PageDown'))).toBe('next');
    expect(commandFor(key('ArrowLeft', 'ArrowLeft'))).toBe('previous');
    expect(commandFor(key('ArrowRight', 'ArrowRight', { shiftKey: true }))).toBe('nextUncoded');
    expect(commandFor(key('ArrowDown', 'ArrowDown'))).toBe('variableDown');
    expect(commandFor(key('ArrowUp', 'ArrowUp'))).toBe('variableUp');
  });

  it('reads Ctrl and Cmd commands by the physical key, whatever the layout types', () => {
    // In the Russian layout the Z key types "я" and the slash key types ".".
    expect(commandFor(key('я', 'KeyZ', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(key('Я', 'KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(key('z', 'KeyZ', { metaKey: true }))).toBe('undo');
    expect(commandFor(key('н', 'KeyY', { ctrlKey: true }))).toBe('redo');
    expect(commandFor(key('.', 'Slash'))).toBe('search');
    expect(commandFor(key(',', 'Slash', { shiftKey: true }))).toBe('help');
    expect(commandFor(key('F1', 'F1'))).toBe('help');
    expect(commandFor(key('g', 'KeyG', { ctrlKey: true }))).toBe('jump');
    expect(commandFor(key('i', 'KeyI', { ctrlKey: true }))).toBe('definitions');
    expect(commandFor(key('u', 'KeyU', { ctrlKey: true }))).toBe('unsure');
    expect(commandFor(key('e', 'KeyE', { ctrlKey: true }))).toBe('note');
  });

  it('leaves other keys alone: category shortcuts, Alt, and browser shortcuts it does not use', () => {
    expect(commandFor(key('1', 'Digit1'))).toBeNull();
    expect(commandFor(key('a', 'KeyA'))).toBeNull();
    expect(commandFor(key('ArrowRight', 'ArrowRight', { altKey: true }))).toBeNull();
    expect(commandFor(key('ArrowRight', 'ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(commandFor(key('1', 'Digit1', { ctrlKey: true }))).toBeNull();
  });

  it('lists every command in the help overlay', () => {
    const listed = new Set(HELP_KEYS.map(([command]) => command));
    for (const command of [
      'next',
      'previous',
      'nextUncoded',
      'variableDown',
      'variableUp',
      'undo',
      'redo',
      'search',
      'jump',
      'help',
      'definitions',
      'unsure',
      'note',
    ])
      expect(listed.has(command as never), command).toBe(true);
  });
});

describe('shortcutKeys', () => {
  it('gives the typed character and, in another layout, the Latin key under it', () => {
    expect(shortcutKeys(key('a', 'KeyA'))).toEqual(['a']);
    expect(shortcutKeys(key('ф', 'KeyA'))).toEqual(['ф', 'a']);
    expect(shortcutKeys(key('A', 'KeyA', { shiftKey: true }))).toEqual(['a']);
    expect(shortcutKeys(key('1', 'Numpad1'))).toEqual(['1']);
    // French AZERTY: the digit row types "&" without Shift.
    expect(shortcutKeys(key('&', 'Digit1'))).toEqual(['&', '1']);
  });

  it('gives nothing for modified or named keys', () => {
    expect(shortcutKeys(key('a', 'KeyA', { ctrlKey: true }))).toEqual([]);
    expect(shortcutKeys(key('Enter', 'Enter'))).toEqual([]);
  });
});

describe('isNoneKey', () => {
  it('takes 0 for "none of these": typed, on the numpad, or the 0 key of another layout; not with Ctrl', () => {
    expect(isNoneKey(key('0', 'Digit0'))).toBe(true);
    expect(isNoneKey(key('0', 'Numpad0'))).toBe(true);
    // French AZERTY: the key of 0 types "à" without Shift.
    expect(isNoneKey(key('à', 'Digit0'))).toBe(true);
    expect(isNoneKey(key('0', 'Digit0', { ctrlKey: true }))).toBe(false);
    expect(isNoneKey(key('o', 'KeyO'))).toBe(false);
  });
});
