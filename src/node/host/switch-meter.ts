// How long the last switch took to reach the wall: from the request to the acknowledgement of the last wall
// that was connected when it was asked. No vendor publishes this figure; the presenter sees it on every switch.
import type { LastSwitch } from '../../common/host-api';

interface Running {
  stateVersion: number;
  requestedAt: string;
  startedMs: number;
  /** Walls that were connected at the request and have not painted yet. */
  waiting: Set<number>;
  painted: Set<number>;
  /** Walls that were connected at the request (less any that went away before painting). */
  connected: number;
  allPaintedMs: number | null;
}

export class SwitchMeter {
  private current: Running | null = null;

  /** `nowMs` is a monotonic clock (performance.now), so a wall-clock step cannot distort the figure. */
  constructor(private readonly nowMs: () => number = () => performance.now()) {}

  begin(stateVersion: number, requestedAt: string, connectedWalls: readonly number[]): void {
    this.current = {
      stateVersion,
      requestedAt,
      startedMs: this.nowMs(),
      waiting: new Set(connectedWalls),
      painted: new Set(),
      connected: connectedWalls.length,
      allPaintedMs: null,
    };
  }

  /** True when this acknowledgement changed the measurement. */
  painted(wall: number, stateVersion: number): boolean {
    const c = this.current;
    if (!c || c.stateVersion !== stateVersion || c.painted.has(wall)) return false;
    c.painted.add(wall);
    // A wall that joined after the request and painted it counts as one more screen showing it.
    if (c.waiting.delete(wall)) this.settle(c);
    else c.connected++;
    return true;
  }

  /** A wall went away before painting: the switch is measured over the walls that are left. */
  dropped(wall: number): void {
    const c = this.current;
    if (!c || !c.waiting.delete(wall)) return;
    c.connected--;
    this.settle(c);
  }

  snapshot(): LastSwitch | null {
    const c = this.current;
    if (!c) return null;
    return {
      stateVersion: c.stateVersion,
      requestedAt: c.requestedAt,
      allPaintedMs: c.allPaintedMs,
      painted: c.painted.size,
      connected: c.connected,
    };
  }

  private settle(c: Running): void {
    if (c.waiting.size === 0 && c.allPaintedMs === null && c.painted.size > 0) {
      c.allPaintedMs = Math.round((this.nowMs() - c.startedMs) * 10) / 10;
    }
  }
}
