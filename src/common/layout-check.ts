// What is wrong with a layout a presenter is editing, as codes the UI words in the operator's language.
// The geometry rules are those of layoutProblems (the hub's), kept in step by a property test; on top come
// the room's own rules: a name, unique names, URLs that parse, web pages only from allow-listed domains.
import { z } from 'zod';
import { Grid, Tile, type TileSource } from './layout';
import { checkWebUrl } from './web-allow-list';

export const MAX_TILES = 64;

/** A layout as the editor holds it: the shape of LayoutInput without its tile checks, so problems come back as codes. */
export const LayoutDraft = z.strictObject({
  id: z.uuid(),
  name: z.string().max(120),
  grid: Grid,
  tiles: z.array(Tile).max(MAX_TILES),
});
export type LayoutDraft = z.infer<typeof LayoutDraft>;

export type LayoutProblem =
  | { code: 'name_empty' }
  | { code: 'name_taken'; name: string }
  | { code: 'too_many_tiles'; max: number }
  | { code: 'tile_duplicate_id'; tileId: string }
  | { code: 'tile_outside'; tileId: string }
  | { code: 'tile_overlap'; tileId: string; otherId: string }
  | { code: 'url_invalid'; tileId: string }
  | { code: 'web_not_allowed'; tileId: string; host: string | null };

type Rect = Pick<Tile, 'x' | 'y' | 'w' | 'h'>;

export function insideGrid(grid: Grid, r: Rect): boolean {
  return r.x >= 0 && r.y >= 0 && r.w >= 1 && r.h >= 1 && r.x + r.w <= grid.cols && r.y + r.h <= grid.rows;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `rect` may replace tile `tileId` (or be a new tile when the id is unknown) without leaving the grid or overlapping. */
export function fits(grid: Grid, tiles: readonly Tile[], tileId: string, rect: Rect): boolean {
  return insideGrid(grid, rect) && tiles.every((t) => t.id === tileId || !overlaps(t, rect));
}

function urlProblem(tileId: string, source: TileSource): LayoutProblem | null {
  if (source.kind !== 'video' && source.kind !== 'web' && source.kind !== 'image') return null;
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    return { code: 'url_invalid', tileId };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'url_invalid', tileId };
  if (source.kind !== 'web') return null;
  const verdict = checkWebUrl(source.url);
  return verdict.ok ? null : { code: 'web_not_allowed', tileId, host: verdict.host };
}

/**
 * Problems of a draft, empty when it may be saved. `otherNames` are the names of the other layouts, so two
 * layouts never share a name a presenter would confuse on the switch buttons.
 */
export function checkLayout(
  draft: Pick<LayoutDraft, 'name' | 'grid' | 'tiles'>,
  otherNames: readonly string[] = [],
): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const name = draft.name.trim();
  if (name === '') problems.push({ code: 'name_empty' });
  else if (otherNames.some((n) => n.trim().toLocaleLowerCase('id') === name.toLocaleLowerCase('id')))
    problems.push({ code: 'name_taken', name });
  if (draft.tiles.length > MAX_TILES) problems.push({ code: 'too_many_tiles', max: MAX_TILES });
  const seen = new Set<string>();
  const placed: Tile[] = [];
  for (const tile of draft.tiles) {
    if (seen.has(tile.id)) problems.push({ code: 'tile_duplicate_id', tileId: tile.id });
    seen.add(tile.id);
    if (!insideGrid(draft.grid, tile)) {
      problems.push({ code: 'tile_outside', tileId: tile.id });
    } else {
      const other = placed.find((p) => overlaps(p, tile));
      if (other) problems.push({ code: 'tile_overlap', tileId: tile.id, otherId: other.id });
      placed.push(tile);
    }
    const url = urlProblem(tile.id, tile.source);
    if (url) problems.push(url);
  }
  return problems;
}
