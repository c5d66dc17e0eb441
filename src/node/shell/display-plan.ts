// Which window goes on which display. Electron's `screen` is read in main/; here it is plain data so the
// room's layouts (laptop, one wall controller, 1 + 3x3) are decided and tested without a single screen.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as Electron's `screen` reports it, reduced to what the plan needs. */
export interface DisplayInfo {
  id: number;
  bounds: Bounds;
  scaleFactor: number;
  primary: boolean;
}

/** The source of displays: Electron's `screen` in the app, a fixed list in tests and rehearsals. */
export interface DisplayHost {
  displays(): DisplayInfo[];
  /** Called when a display is added, removed or moved; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
}

export type WallKey = number | 'all';

export type WindowPlan =
  | { role: 'console'; displayId: number; bounds: Bounds }
  /** `fullscreen: false` when the wall shares a display with the console or the displays are simulated. */
  | { role: 'wall'; wall: WallKey; displayId: number; bounds: Bounds; fullscreen: boolean };

export type WallPlan = Extract<WindowPlan, { role: 'wall' }>;

export interface PlanOptions {
  /** Simulated displays (rehearsal, tests): walls open as ordinary windows at their bounds. */
  windowed?: boolean;
}

/**
 * The console goes on the primary display; every other display is a wall, numbered 1..n row by row from the
 * top left as the room numbers its screens (`cellOfWall` in src/common/wall-geometry.ts). With one display
 * (a laptop) there is nowhere to put walls of their own, so all cells are drawn in one ordinary window
 * (`wall: 'all'`) beside the console.
 */
export function planWindows(displays: readonly DisplayInfo[], options: PlanOptions = {}): WindowPlan[] {
  if (displays.length === 0) return [];
  const primary = displays.find((d) => d.primary) ?? displays[0]!;
  const plan: WindowPlan[] = [{ role: 'console', displayId: primary.id, bounds: primary.bounds }];
  const others = displays.filter((d) => d !== primary);
  if (others.length === 0) {
    plan.push({
      role: 'wall',
      wall: 'all',
      displayId: primary.id,
      bounds: insetBounds(primary.bounds),
      fullscreen: false,
    });
    return plan;
  }
  orderRowMajor(others).forEach((d, i) =>
    plan.push({ role: 'wall', wall: i + 1, displayId: d.id, bounds: d.bounds, fullscreen: !options.windowed }),
  );
  return plan;
}

/**
 * Rows by vertical position, then left to right. Screens hung by hand are rarely aligned to the pixel, and an
 * OS arranging displays may offset them too, so a display joins a row when its vertical centre falls within
 * the first display of that row rather than matching its `y` exactly.
 */
export function orderRowMajor(displays: readonly DisplayInfo[]): DisplayInfo[] {
  const byCentre = [...displays].sort((a, b) => centreY(a) - centreY(b) || a.bounds.x - b.bounds.x);
  const rows: DisplayInfo[][] = [];
  for (const d of byCentre) {
    const row = rows[rows.length - 1];
    const head = row?.[0];
    if (row && head && Math.abs(centreY(d) - centreY(head)) < head.bounds.height / 2) row.push(d);
    else rows.push([d]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x));
}

function centreY(d: DisplayInfo): number {
  return d.bounds.y + d.bounds.height / 2;
}

/** The "all cells" window on a laptop: most of the screen, so the console behind it stays reachable. */
function insetBounds(b: Bounds): Bounds {
  const width = Math.round(b.width * 0.8);
  const height = Math.round(b.height * 0.8);
  return { x: b.x + Math.round((b.width - width) / 2), y: b.y + Math.round((b.height - height) / 2), width, height };
}

/**
 * A primary display followed by `cols` x `rows` wall displays to its right, as `NAWA_SIMULATE_WALL=3x3`
 * (or `3x3@1280x720`) asks: rehearse the nine walls on one screen, and the end-to-end test's room.
 */
export function simulatedDisplays(spec: string): DisplayInfo[] | null {
  const m = /^(\d)x(\d)(?:@(\d{3,5})x(\d{3,5}))?$/.exec(spec.trim());
  if (!m) return null;
  const cols = Number(m[1]);
  const rows = Number(m[2]);
  const width = Number(m[3] ?? 1920);
  const height = Number(m[4] ?? 1080);
  if (cols < 1 || rows < 1) return null;
  const displays: DisplayInfo[] = [{ id: 1, bounds: { x: 0, y: 0, width, height }, scaleFactor: 1, primary: true }];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      displays.push({
        id: 2 + r * cols + c,
        bounds: { x: width * (c + 1), y: height * r, width, height },
        scaleFactor: 1,
        primary: false,
      });
    }
  }
  return displays;
}
