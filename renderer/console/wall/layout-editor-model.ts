// The grid editor's rules, apart from React so they are tested in Node: every move, resize and new tile is
// checked with fits() first, so a draft never overlaps or leaves the grid while the presenter edits it.
import type { Grid, Layout, Tile, TileSource } from '../../../src/common/layout';
import { fits, type LayoutDraft } from '../../../src/common/layout-check';

export type Rect = Pick<Tile, 'x' | 'y' | 'w' | 'h'>;
export type SourceKind = TileSource['kind'];
export const SOURCE_KINDS: readonly SourceKind[] = [
  'map',
  'incidents',
  'sector',
  'connectivity',
  'decisions',
  'video',
  'web',
  'image',
  'clock',
];

export const DEFAULT_GRID: Grid = { cols: 3, rows: 3 };
const REGENCY_CENTRE: [number, number] = [-8.12, 112.64];

export function emptyDraft(id: string, name: string): LayoutDraft {
  return { id, name, grid: { ...DEFAULT_GRID }, tiles: [] };
}

/** A copy under a new id and name; tiles are copied deeply so editing the copy never touches the original. */
export function duplicateDraft(layout: Pick<Layout, 'grid' | 'tiles'>, id: string, name: string): LayoutDraft {
  return { id, name, grid: { ...layout.grid }, tiles: structuredClone<Tile[]>(layout.tiles) };
}

/** "Ikhtisar (salinan)", then "(salinan 2)" and on, whichever name is still free. */
export function copyName(taken: readonly string[], word: (n: number | null) => string): string {
  const used = new Set(taken.map((n) => n.trim().toLocaleLowerCase('id')));
  let n = 1;
  while (
    used.has(
      word(n === 1 ? null : n)
        .trim()
        .toLocaleLowerCase('id'),
    )
  )
    n++;
  return word(n === 1 ? null : n);
}

export function defaultSource(kind: SourceKind): TileSource {
  switch (kind) {
    case 'map':
      return { kind, center: REGENCY_CENTRE, zoom: 11, layers: ['kecamatan', 'incidents'] };
    case 'incidents':
      return { kind };
    case 'sector':
      return { kind, sector: 'health' };
    case 'connectivity':
      return { kind };
    case 'decisions':
      return { kind };
    case 'video':
      return { kind, url: 'https://' };
    case 'web':
      return { kind, url: 'https://malangkab.go.id/' };
    case 'image':
      return { kind, url: 'https://' };
    case 'clock':
      return { kind, ticker: 'Command Center Kabupaten Malang' };
  }
}

function withTile(draft: LayoutDraft, tileId: string, change: (t: Tile) => Tile): LayoutDraft {
  return { ...draft, tiles: draft.tiles.map((t) => (t.id === tileId ? change(t) : t)) };
}

/** The draft with the tile at `rect`, or null when it would not fit there. */
export function placeTile(draft: LayoutDraft, tileId: string, rect: Rect): LayoutDraft | null {
  const tile = draft.tiles.find((t) => t.id === tileId);
  if (!tile || !fits(draft.grid, draft.tiles, tileId, rect)) return null;
  return withTile(draft, tileId, (t) => ({ ...t, ...rect }));
}

/** Moves (dx, dy) or resizes (dw, dh) by steps, as the arrow keys do. */
export function nudgeTile(
  draft: LayoutDraft,
  tileId: string,
  step: { dx?: number; dy?: number; dw?: number; dh?: number },
): LayoutDraft | null {
  const t = draft.tiles.find((x) => x.id === tileId);
  if (!t) return null;
  return placeTile(draft, tileId, {
    x: t.x + (step.dx ?? 0),
    y: t.y + (step.dy ?? 0),
    w: t.w + (step.dw ?? 0),
    h: t.h + (step.dh ?? 0),
  });
}

export function coveredBy(draft: LayoutDraft, x: number, y: number): Tile | null {
  return draft.tiles.find((t) => x >= t.x && x < t.x + t.w && y >= t.y && y < t.y + t.h) ?? null;
}

/** A new one-cell tile at (x, y), with an id no other tile has; null when the cell is taken. */
export function addTile(
  draft: LayoutDraft,
  x: number,
  y: number,
  source: TileSource,
): { draft: LayoutDraft; tileId: string } | null {
  const rect = { x, y, w: 1, h: 1 };
  if (!fits(draft.grid, draft.tiles, '', rect)) return null;
  const ids = new Set(draft.tiles.map((t) => t.id));
  let n = 1;
  while (ids.has(`ubin-${n}`)) n++;
  const tileId = `ubin-${n}`;
  return { draft: { ...draft, tiles: [...draft.tiles, { id: tileId, ...rect, source }] }, tileId };
}

export function removeTile(draft: LayoutDraft, tileId: string): LayoutDraft {
  return { ...draft, tiles: draft.tiles.filter((t) => t.id !== tileId) };
}

export function setSource(draft: LayoutDraft, tileId: string, source: TileSource): LayoutDraft {
  return withTile(draft, tileId, (t) => ({ ...t, source }));
}

/** The cell under a pointer, clamped to the grid, from the grid element's box. */
export function cellAt(
  box: { left: number; top: number; width: number; height: number },
  grid: Grid,
  clientX: number,
  clientY: number,
) {
  const clamp = (v: number, max: number) => Math.min(max - 1, Math.max(0, Math.floor(v)));
  return {
    x: clamp(((clientX - box.left) / box.width) * grid.cols, grid.cols),
    y: clamp(((clientY - box.top) / box.height) * grid.rows, grid.rows),
  };
}

export type Drag = { mode: 'move' | 'resize'; tileId: string; start: Rect; grab: { x: number; y: number } };

/** Where a drag would put the tile for the cell under the pointer (not yet checked against the grid). */
export function dragRect(drag: Drag, cell: { x: number; y: number }): Rect {
  const s = drag.start;
  if (drag.mode === 'move') return { ...s, x: s.x + cell.x - drag.grab.x, y: s.y + cell.y - drag.grab.y };
  return { ...s, w: Math.max(1, cell.x - s.x + 1), h: Math.max(1, cell.y - s.y + 1) };
}
