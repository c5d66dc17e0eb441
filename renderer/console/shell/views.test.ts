import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/common/entities';
import { landingView, shortcutOf, viewForKey, viewsFor, VIEW_IDS } from './views';

const key = (
  code: string,
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'repeat', boolean>>,
) => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  ...mods,
});

describe('console views', () => {
  it('shows accounts to supervisors only, every other view to every role', () => {
    expect(viewsFor('supervisor')).toEqual([...VIEW_IDS]);
    for (const role of ROLES.filter((r) => r !== 'supervisor')) {
      expect(viewsFor(role)).toEqual(['map', 'decisions', 'sectors', 'connectivity', 'wall']);
    }
  });

  it('lands each role on its work', () => {
    expect(landingView('operator')).toBe('map');
    expect(landingView('presenter')).toBe('wall');
    expect(landingView('supervisor')).toBe('sectors');
    expect(landingView('viewer')).toBe('map');
    for (const role of ROLES) expect(viewsFor(role)).toContain(landingView(role));
  });

  it('numbers the shortcuts by place, the same for every role', () => {
    expect(VIEW_IDS.map(shortcutOf)).toEqual(['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6']);
  });

  it('opens a view with Alt+digit only, and only one the role sees', () => {
    const all = viewsFor('supervisor');
    expect(viewForKey(key('Digit2', { altKey: true }), all)).toBe('decisions');
    expect(viewForKey(key('Numpad5', { altKey: true }), all)).toBe('wall');
    expect(viewForKey(key('Digit6', { altKey: true }), all)).toBe('accounts');
    expect(viewForKey(key('Digit6', { altKey: true }), viewsFor('operator'))).toBeNull();
    expect(viewForKey(key('Digit7', { altKey: true }), all)).toBeNull();
    expect(viewForKey(key('Digit2', {}), all)).toBeNull();
    expect(viewForKey(key('Digit2', { altKey: true, ctrlKey: true }), all)).toBeNull();
    expect(viewForKey(key('Digit2', { altKey: true, shiftKey: true }), all)).toBeNull();
    expect(viewForKey(key('Digit2', { altKey: true, repeat: true }), all)).toBeNull();
    expect(viewForKey(key('KeyA', { altKey: true }), all)).toBeNull();
  });
});
