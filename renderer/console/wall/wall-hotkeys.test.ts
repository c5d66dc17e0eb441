import { describe, expect, it } from 'vitest';
import { hotkeyAction, isTextField, type KeyLike } from './wall-hotkeys';
import { hotkeyOf, orderLayouts } from './layout-order';
import { PRESET_LAYOUTS } from '../../../src/common/presets';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  ...mods,
});
const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, ...extra }) as unknown as EventTarget;

describe('wall hotkeys', () => {
  it('maps 1–9 to layouts and Ctrl+Z, Cmd+Z and U to undo; ignores modifiers, repeats and other keys', () => {
    expect(hotkeyAction(key('1'))).toEqual({ kind: 'switch', index: 0 });
    expect(hotkeyAction(key('9'))).toEqual({ kind: 'switch', index: 8 });
    expect(hotkeyAction(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(hotkeyAction(key('Z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(hotkeyAction(key('u'))).toEqual({ kind: 'undo' });
    expect(hotkeyAction(key('U'))).toEqual({ kind: 'undo' });
    expect(hotkeyAction(key('0'))).toBeNull();
    expect(hotkeyAction(key('1', { ctrlKey: true }))).toBeNull();
    expect(hotkeyAction(key('1', { altKey: true }))).toBeNull();
    expect(hotkeyAction(key('z', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(hotkeyAction(key('2', { repeat: true }))).toBeNull();
  });

  it('treats text inputs, text areas, selects and editable content as typing, buttons and checkboxes not', () => {
    expect(isTextField(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTextField(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTextField(el('INPUT', { type: '' }))).toBe(true);
    expect(isTextField(el('TEXTAREA'))).toBe(true);
    expect(isTextField(el('SELECT'))).toBe(true);
    expect(isTextField(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTextField(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextField(el('BUTTON'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });

  it('lists the presets first in their shipped order, then the rest by name, and numbers the first nine', () => {
    const own = [
      { id: 'b', name: 'Banjir Selatan' },
      { id: 'a', name: 'Apel Pagi' },
    ];
    const presets = PRESET_LAYOUTS.map((l) => ({ id: l.id, name: l.name })).reverse();
    expect(orderLayouts([...own, ...presets]).map((l) => l.name)).toEqual([
      ...PRESET_LAYOUTS.map((l) => l.name),
      'Apel Pagi',
      'Banjir Selatan',
    ]);
    expect([0, 8, 9].map(hotkeyOf)).toEqual(['1', '9', null]);
  });
});
