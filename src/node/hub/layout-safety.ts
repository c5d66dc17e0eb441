// The hub's own check of what a layout makes the walls load; the editor checks the same, but layouts may come
// from any client of the central API.
import type { LayoutInput } from '../../common/entities';
import { checkTileUrl, DEFAULT_TILE_URL_POLICY, type TileUrlPolicy } from '../../common/tile-url-policy';

/** One detail per tile whose URL is not allowed, named as the mutation's field. */
export function layoutUrlProblems(
  layout: LayoutInput,
  policy: TileUrlPolicy = DEFAULT_TILE_URL_POLICY,
): { field: string; message: string }[] {
  return layout.tiles.flatMap((tile, i) => {
    const verdict = checkTileUrl(tile.source, policy);
    return verdict.ok ? [] : [{ field: `data.tiles.${i}.source.url`, message: verdict.message }];
  });
}
