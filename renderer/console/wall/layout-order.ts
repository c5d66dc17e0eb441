// The order the wall panel lists layouts in, which is also the order of the hotkeys 1–9: the shipped presets
// first, as the room knows them, then the room's own layouts by name.
import { PRESET_LAYOUTS } from '../../../src/common/presets';

const PRESET_RANK = new Map(PRESET_LAYOUTS.map((l, i) => [l.id, i]));

export function orderLayouts<L extends { id: string; name: string }>(layouts: readonly L[]): L[] {
  const rank = (l: L) => PRESET_RANK.get(l.id) ?? PRESET_LAYOUTS.length;
  return [...layouts].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'id'));
}

/** "1".."9" for the first nine layouts, null after them. */
export function hotkeyOf(index: number): string | null {
  return index >= 0 && index < 9 ? String(index + 1) : null;
}
