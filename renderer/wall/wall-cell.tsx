import type { Layout } from '../../src/common/layout';
import { cellOfWall, tileAt, viewportOf } from '../../src/common/wall-geometry';
import { useT } from '../shared/i18n';
import { TileView } from './tile-view';
import { WallMessage } from './wall-message';

/**
 * This screen's window onto the tile covering its cell: the tile is drawn whole and shifted, so spans stay
 * continuous. `bezelPx` (set in the console) skips the part of the picture hidden under the screens' frames.
 */
export function WallCell({ layout, wall, screen, bezelPx }: {
  layout: Layout;
  wall: number;
  screen: { width: number; height: number };
  bezelPx: number;
}) {
  const t = useT();
  const cell = cellOfWall(wall, layout.grid);
  if (!cell) return <WallMessage title={t('wallpage.outside', { n: wall })} />;
  const tile = tileAt(layout.tiles, cell);
  if (!tile) return <WallMessage title={t('wallpage.empty')} />;
  const vp = viewportOf(tile, cell, screen, bezelPx);
  return (
    <div
      className="wall-window" data-tile-id={tile.id} data-tile-kind={tile.source.kind}
      data-offset-x={vp.offsetX} data-offset-y={vp.offsetY}
    >
      <div
        className="tile-canvas"
        style={{ left: -vp.offsetX, top: -vp.offsetY, width: vp.canvasWidth, height: vp.canvasHeight }}
      >
        <TileView key={`${layout.id}:${tile.id}`} source={tile.source} width={vp.canvasWidth} height={vp.canvasHeight} screenHeight={screen.height} />
      </div>
    </div>
  );
}
