import type { WallState } from '../../src/common/host-api';
import { cellOfWall } from '../../src/common/wall-geometry';
import { useScreenSize } from './use-screen-size';
import { WallScreen } from './wall-screen';

/** The host counts nine walls; a page that draws every cell speaks (and acknowledges) for all of them. */
export const ALL_WALLS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const DEFAULT_GRID = { cols: 3, rows: 3 };

/**
 * Fewer displays than cells (a laptop, or one controller exposing a single 5760 x 3240 display): every cell of
 * the grid in one window, each its own screen-sized viewport, so a spanning tile is drawn exactly as on nine.
 */
export function AllCells({ state, keep }: { state: WallState | null; keep: number }) {
  const win = useScreenSize();
  const grid = state?.layout?.grid ?? DEFAULT_GRID;
  // Whole pixels, so neighbouring cells meet without a hairline and offsets stay exact.
  const width = Math.floor(win.width / grid.cols);
  const height = Math.floor(win.height / grid.rows);
  const walls = Array.from({ length: grid.cols * grid.rows }, (_, i) => i + 1);
  return (
    <>
      {walls.map((wall) => {
        const cell = cellOfWall(wall, grid)!;
        return (
          <WallScreen
            key={wall}
            wall={wall}
            state={state}
            keep={keep}
            box={{ left: cell.x * width, top: cell.y * height, width, height }}
          />
        );
      })}
    </>
  );
}
