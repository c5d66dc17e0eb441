import { describe, expect, it } from 'vitest';
import type { WallState } from '../../../src/common/host-api';
import { wallMirror } from './wall-mirror-model';

const state = (stateVersion: number): WallState => ({
  stateVersion,
  layout: null,
  switchedAt: null,
  bezelPx: 0,
  identify: false,
  undoLayoutId: null,
});
const wall = (n: number, connected: boolean, paintedVersion: number | null) => ({
  wall: n,
  connected,
  paintedVersion,
  paintedAt: null,
  dataAt: null,
});

describe('wallMirror', () => {
  it('counts only connected screens that painted the current version', () => {
    const walls = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => wall(n, true, 7));
    walls[3] = wall(4, true, 6);
    walls[8] = wall(9, false, 7);
    const m = wallMirror(state(7), { walls, stateVersion: 7 });
    expect(m.total).toBe(9);
    expect(m.showing).toBe(7);
    expect(m.cells.filter((c) => !c.showing).map((c) => c.wall)).toEqual([4, 9]);
  });

  it('takes the newer version when the switch answer is ahead of the status event', () => {
    const walls = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => wall(n, true, 7));
    const m = wallMirror(state(8), { walls, stateVersion: 7 });
    expect(m.currentVersion).toBe(8);
    expect(m.showing).toBe(0);
  });

  it('lists every screen, unknown ones as disconnected', () => {
    const m = wallMirror(undefined, undefined);
    expect(m.cells.map((c) => [c.wall, c.connected])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, false]));
  });
});

describe('stale screens', () => {
  it('marks a disconnected screen stale at once and a connected one only when still behind after 2 s', () => {
    const walls = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => wall(n, true, 8));
    walls[1] = wall(2, true, 7);
    walls[2] = wall(3, false, 8);
    const fresh = wallMirror(state(8), { walls, stateVersion: 8 }, 500);
    expect(fresh.cells.filter((c) => c.stale).map((c) => c.wall)).toEqual([3]);
    const later = wallMirror(state(8), { walls, stateVersion: 8 }, 2500);
    expect(later.cells.filter((c) => c.stale).map((c) => c.wall)).toEqual([2, 3]);
  });
});
