// Keys for the presenter: 1–9 show a layout, Ctrl+Z (or U) undoes the last switch. Never while typing.
import { useEffect, useRef } from 'react';

export type HotkeyAction = { kind: 'switch'; index: number } | { kind: 'undo' } | null;

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
}

const NOT_TEXT = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit']);

/** Where a key press is someone typing: text inputs, text areas, selects, editable content. */
export function isTextField(el: EventTarget | null): boolean {
  if (!el || typeof (el as Element).tagName !== 'string') return false;
  const e = el as HTMLElement;
  const tag = e.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !NOT_TEXT.has(((e as HTMLInputElement).type || 'text').toLowerCase());
  return e.isContentEditable === true;
}

export function hotkeyAction(e: KeyLike): HotkeyAction {
  if (e.repeat || e.altKey) return null;
  const key = e.key.toLowerCase();
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && key === 'z') return { kind: 'undo' };
  if (e.ctrlKey || e.metaKey) return null;
  if (key === 'u' && !e.shiftKey) return { kind: 'undo' };
  if (/^[1-9]$/.test(e.key)) return { kind: 'switch', index: Number(e.key) - 1 };
  return null;
}

/** Listens on the whole page while `enabled` (presenters and supervisors only). */
export function useWallHotkeys(enabled: boolean, on: { switchTo(index: number): boolean; undo(): void }): void {
  const handlers = useRef(on);
  handlers.current = on;
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextField(e.target) || isTextField(document.activeElement)) return;
      const action = hotkeyAction(e);
      if (!action) return;
      if (action.kind === 'undo') handlers.current.undo();
      else if (!handlers.current.switchTo(action.index)) return;
      e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
