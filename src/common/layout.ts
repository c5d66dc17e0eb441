// Wall layouts: a grid of cells and tiles covering rectangles of it, each showing one source.
import { z } from 'zod';
import { Sector } from './sector';
import { SafeText } from './text-rules';

const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const TileSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('map'),
    center: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]),
    zoom: z.number().min(1).max(19),
    layers: z.array(z.enum(['kecamatan', 'incidents', 'sites'])).max(8),
  }),
  z.strictObject({ kind: z.literal('incidents'), minSeverity: z.number().int().min(1).max(4).optional() }),
  z.strictObject({ kind: z.literal('sector'), sector: Sector }),
  z.strictObject({ kind: z.literal('connectivity') }),
  z.strictObject({ kind: z.literal('decisions') }),
  z.strictObject({ kind: z.literal('video'), url: HttpUrl, label: SafeText({ min: 0, max: 120 }).optional() }),
  z.strictObject({ kind: z.literal('web'), url: HttpUrl }),
  z.strictObject({ kind: z.literal('image'), url: HttpUrl, caption: SafeText({ min: 0, max: 200 }).optional() }),
  z.strictObject({ kind: z.literal('clock'), ticker: SafeText({ min: 0, max: 500 }).optional() }),
]);
export type TileSource = z.infer<typeof TileSource>;

export const Tile = z.strictObject({
  id: SafeText({ max: 64 }),
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  w: z.number().int().min(1),
  h: z.number().int().min(1),
  source: TileSource,
});
export type Tile = z.infer<typeof Tile>;

export const Grid = z.strictObject({ cols: z.number().int().min(1).max(8), rows: z.number().int().min(1).max(8) });
export type Grid = z.infer<typeof Grid>;

/** Tiles must lie inside the grid and must not overlap. Returns human-readable problems, empty when valid. */
export function layoutProblems(grid: Grid, tiles: readonly Tile[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  const ids = new Set<string>();
  for (const t of tiles) {
    if (ids.has(t.id)) problems.push(`tile ${t.id}: duplicate id`);
    ids.add(t.id);
    if (t.x + t.w > grid.cols || t.y + t.h > grid.rows) {
      problems.push(`tile ${t.id}: outside the ${grid.cols} x ${grid.rows} grid`);
      continue;
    }
    for (let y = t.y; y < t.y + t.h; y++) {
      for (let x = t.x; x < t.x + t.w; x++) {
        const other = owner.get(`${x},${y}`);
        if (other !== undefined) problems.push(`tile ${t.id}: overlaps tile ${other} at cell ${x},${y}`);
        else owner.set(`${x},${y}`, t.id);
      }
    }
  }
  return problems;
}

const LayoutFields = {
  id: z.uuid(),
  name: SafeText({ max: 120 }),
  grid: Grid,
  tiles: z.array(Tile).max(64),
};
function checkTiles(l: { grid: Grid; tiles: Tile[] }, ctx: z.RefinementCtx) {
  for (const message of layoutProblems(l.grid, l.tiles)) ctx.addIssue({ code: 'custom', path: ['tiles'], message });
}
export const LayoutInput = z.strictObject(LayoutFields).superRefine(checkTiles);
export type LayoutInput = z.infer<typeof LayoutInput>;
export const Layout = z
  .strictObject({ ...LayoutFields, version: z.number().int().positive(), updatedAt: z.iso.datetime({ offset: false }) })
  .superRefine(checkTiles);
export type Layout = z.infer<typeof Layout>;
