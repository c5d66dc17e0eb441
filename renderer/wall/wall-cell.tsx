import { memo } from 'react';
import type { Layout } from '../../src/common/layout';
import { cellOfWall, tileAt, viewportOf } from '../../src/common/wall-geometry';
import { useT } from '../shared/i18n';
import { TileView } from './tile-view';
import { WallMessage } from './wall-message';

/**
 * This screen's window onto the tile covering its cell: the tile is drawn whole and shifted, so spans stay
 * continuous. `bezelPx` (set in the console) skips the part of the picture hidden under the screens' frames.
 * Memoised: the hidden views a screen keeps are not re-rendered when another one is shown.
 */
export const WallCell = memo(function WallCell({
  layout,
  wall,
  screen,
  bezelPx,
  active,
}: {
  layout: Layout;
  wall: number;
  screen: { width: number; height: number };
  bezelPx: number;
  /** The view on show; only it carries the data attributes tests and tools look for. */
  active: boolean;
}) {
  const t = useT();
  const cell = cellOfWall(wall, layout.grid);
  if (!cell) return <WallMessage title={t('wallpage.outside', { n: wall })} />;
  const tile = tileAt(layout.tiles, cell);
  if (!tile) return <WallMessage title={t('wallpage.empty')} />;
  const vp = viewportOf(tile, cell, screen, bezelPx);
  return (
    <div
      className="wall-window"
      data-tile-id={active ? tile.id : undefined}
      data-tile-kind={active ? tile.source.kind : undefined}
      data-offset-x={active ? vp.offsetX : undefined}
      data-offset-y={active ? vp.offsetY : undefined}
    >
      <div
        className="tile-canvas"
        style={{ left: -vp.offsetX, top: -vp.offsetY, width: vp.canvasWidth, height: vp.canvasHeight }}
      >
        <TileView
          key={`${layout.id}:${tile.id}`}
          source={tile.source}
          width={vp.canvasWidth}
          height={vp.canvasHeight}
          screenHeight={screen.height}
        />
      </div>
    </div>
  );
});
