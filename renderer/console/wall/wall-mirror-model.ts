// The console's picture of the wall: which screens are connected and which have painted the current state.
import type { WallState, WallStatus } from '../../../src/common/host-api';
import type { Grid } from '../../../src/common/layout';

export interface MirrorCell {
  wall: number;
  connected: boolean;
  paintedVersion: number | null;
  /** Connected and showing the current state version. */
  showing: boolean;
}

export interface Mirror {
  cells: MirrorCell[];
  currentVersion: number;
  showing: number;
  total: number;
}

const DEFAULT_GRID: Grid = { cols: 3, rows: 3 };

export function wallMirror(
  state: WallState | undefined,
  status: { walls: WallStatus[]; stateVersion: number } | undefined,
): Mirror {
  const grid = state?.layout?.grid ?? DEFAULT_GRID;
  // The switch answer and the status event race; whichever is newer names the current version.
  const currentVersion = Math.max(state?.stateVersion ?? 0, status?.stateVersion ?? 0);
  const byWall = new Map((status?.walls ?? []).map((w) => [w.wall, w]));
  const total = grid.cols * grid.rows;
  const cells: MirrorCell[] = [];
  for (let wall = 1; wall <= total; wall++) {
    const w = byWall.get(wall);
    const connected = w?.connected ?? false;
    const paintedVersion = w?.paintedVersion ?? null;
    cells.push({ wall, connected, paintedVersion, showing: connected && paintedVersion === currentVersion });
  }
  return { cells, currentVersion, showing: cells.filter((c) => c.showing).length, total };
}
