// Where a wall display sits in the grid and which part of a tile's virtual canvas it draws.
import type { Grid, Tile } from './layout';

export interface Cell {
  x: number;
  y: number;
}

/** Walls are numbered 1..cols*rows, row by row from the top left, as the room numbers its screens. */
export function cellOfWall(wall: number, grid: Grid): Cell | null {
  if (!Number.isInteger(wall) || wall < 1 || wall > grid.cols * grid.rows) return null;
  return { x: (wall - 1) % grid.cols, y: Math.floor((wall - 1) / grid.cols) };
}

export function tileAt(tiles: readonly Tile[], cell: Cell): Tile | null {
  return tiles.find((t) => cell.x >= t.x && cell.x < t.x + t.w && cell.y >= t.y && cell.y < t.y + t.h) ?? null;
}

export interface Viewport {
  /** Size of the whole tile as one picture, in CSS pixels, bezels included. */
  canvasWidth: number;
  canvasHeight: number;
  /** Where this wall's window starts inside that picture. */
  offsetX: number;
  offsetY: number;
}

/**
 * A tile spanning several displays is one picture; each display shows its own window of it. `bezelPx` is the
 * width of the frame between two screens, so content hidden under the frames is skipped, not squeezed.
 */
export function viewportOf(tile: Tile, cell: Cell, screen: { width: number; height: number }, bezelPx = 0): Viewport {
  const stepX = screen.width + bezelPx;
  const stepY = screen.height + bezelPx;
  return {
    canvasWidth: tile.w * screen.width + (tile.w - 1) * bezelPx,
    canvasHeight: tile.h * screen.height + (tile.h - 1) * bezelPx,
    offsetX: (cell.x - tile.x) * stepX,
    offsetY: (cell.y - tile.y) * stepY,
  };
}
