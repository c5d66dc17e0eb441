import type { Layout } from '../../src/common/layout';
import { cellOfWall, tileAt, viewportOf } from '../../src/common/wall-geometry';
import { useT } from '../shared/i18n';
import { TileView } from './tile-view';
import { useScreenSize } from './use-screen-size';
import { WallMessage } from './wall-message';

/** Bezel compensation is off until the room's screens are measured. */
const BEZEL_PX = 0;

/** This screen's window onto the tile covering its cell: the tile is drawn whole and shifted, so spans stay continuous. */
export function WallCell({ layout, wall }: { layout: Layout; wall: number }) {
  const t = useT();
  const screen = useScreenSize();
  const cell = cellOfWall(wall, layout.grid);
  if (!cell) return <WallMessage title={t('wallpage.outside', { n: wall })} />;
  const tile = tileAt(layout.tiles, cell);
  if (!tile) return <WallMessage title={t('wallpage.empty')} />;
  const vp = viewportOf(tile, cell, screen, BEZEL_PX);
  return (
    <div className="wall-window" data-tile-id={tile.id} data-tile-kind={tile.source.kind}>
      <div
        className="tile-canvas"
        style={{ left: -vp.offsetX, top: -vp.offsetY, width: vp.canvasWidth, height: vp.canvasHeight }}
      >
        <TileView key={`${layout.id}:${tile.id}`} source={tile.source} width={vp.canvasWidth} height={vp.canvasHeight} screenHeight={screen.height} />
      </div>
    </div>
  );
}
