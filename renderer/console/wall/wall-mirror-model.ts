// The console's picture of the wall: which screens are connected, which have painted the current state, and
// which stand out as stale (gone, or still behind a couple of seconds after the switch).
import type { WallState, WallStatus } from '../../../src/common/host-api';
import type { Grid } from '../../../src/common/layout';

/** A wall that has not painted the current state this long after it appeared is behind, not just busy. */
export const STALE_AFTER_MS = 2000;

export interface MirrorCell {
  wall: number;
  connected: boolean;
  paintedVersion: number | null;
  paintedAt: string | null;
  dataAt: string | null;
  /** Connected and showing the current state version. */
  showing: boolean;
  /** Disconnected, or connected but not showing the current state within STALE_AFTER_MS. */
  stale: boolean;
}

export interface Mirror {
  cells: MirrorCell[];
  currentVersion: number;
  showing: number;
  total: number;
}

const DEFAULT_GRID: Grid = { cols: 3, rows: 3 };

/** The switch answer and the status event race; whichever is newer names the current version. */
export function currentVersionOf(state: WallState | undefined, status: { stateVersion: number } | undefined): number {
  return Math.max(state?.stateVersion ?? 0, status?.stateVersion ?? 0);
}

/** `currentAgeMs`: how long the console has known the current version (its own clock, not the host's). */
export function wallMirror(
  state: WallState | undefined,
  status: { walls: WallStatus[]; stateVersion: number } | undefined,
  currentAgeMs = Number.POSITIVE_INFINITY,
): Mirror {
  const grid = state?.layout?.grid ?? DEFAULT_GRID;
  const currentVersion = currentVersionOf(state, status);
  const byWall = new Map((status?.walls ?? []).map((w) => [w.wall, w]));
  const total = grid.cols * grid.rows;
  const cells: MirrorCell[] = [];
  for (let wall = 1; wall <= total; wall++) {
    const w = byWall.get(wall);
    const connected = w?.connected ?? false;
    const paintedVersion = w?.paintedVersion ?? null;
    const showing = connected && paintedVersion === currentVersion;
    cells.push({
      wall,
      connected,
      paintedVersion,
      paintedAt: w?.paintedAt ?? null,
      dataAt: w?.dataAt ?? null,
      showing,
      stale: !connected || (!showing && currentAgeMs >= STALE_AFTER_MS),
    });
  }
  return { cells, currentVersion, showing: cells.filter((c) => c.showing).length, total };
}
