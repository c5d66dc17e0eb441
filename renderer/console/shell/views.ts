// The console's views by task, which of them a role sees, where it lands, and their keyboard shortcuts.
// Who may do what comes from the access policy (src/common/access-policy.ts); no role is named here.
import { mayRequest } from '../../../src/common/access-policy';
import type { Role } from '../../../src/common/entities';

/** In tab order; the shortcut of each is Alt and its place in this list (Alt+1 … Alt+6), whoever is logged in. */
export const VIEW_IDS = ['map', 'decisions', 'sectors', 'connectivity', 'wall', 'accounts'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export function shortcutOf(view: ViewId): string {
  return `Alt+${VIEW_IDS.indexOf(view) + 1}`;
}

/** The views a role sees: a view whose whole purpose the role may not use is left out (the host refuses it anyway). */
export function viewsFor(role: Role): ViewId[] {
  return VIEW_IDS.filter((v) => v !== 'accounts' || mayRequest(role, 'accounts.list'));
}

/**
 * Where a role starts: whoever manages the room (accounts) an overview of the sectors; whoever runs the wall but
 * does not edit incidents (a presenter) the wall; everyone else the map and incidents.
 */
export function landingView(role: Role): ViewId {
  if (mayRequest(role, 'accounts.list')) return 'sectors';
  if (mayRequest(role, 'wall.switch') && !mayRequest(role, 'incidents.save')) return 'wall';
  return 'map';
}

export interface ShortcutKey {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
}

/**
 * The view an Alt+digit press opens, by the key's place (`code`, so a layout where Alt+digit types a symbol still
 * works); null for anything else. Ctrl+Alt is AltGr on many keyboards: that is typing, not a shortcut.
 */
export function viewForKey(e: ShortcutKey, shown: readonly ViewId[]): ViewId | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (!m) return null;
  const view = VIEW_IDS[Number(m[1]) - 1];
  return view && shown.includes(view) ? view : null;
}
