// Which built page answers a path, for `nawa serve` and for Electron's app:// protocol alike.
export type Route =
  | { kind: 'page'; file: 'console/index.html' | 'wall/index.html'; wall?: number | 'all' }
  | { kind: 'asset'; file: string }
  | { kind: 'none' };

const WALL = /^\/wall\/([1-9]\d?)\/?$/;
/** Every cell in one window: a laptop, or one controller that exposes the whole wall as a single display. */
const WALL_ALL = /^\/wall\/all\/?$/;

export function resolveRoute(pathname: string): Route {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return { kind: 'none' };
  }
  if (path === '/' || path === '/index.html') return { kind: 'page', file: 'console/index.html' };
  const wall = WALL.exec(path);
  if (wall) return { kind: 'page', file: 'wall/index.html', wall: Number(wall[1]) };
  if (WALL_ALL.test(path)) return { kind: 'page', file: 'wall/index.html', wall: 'all' };
  // Built assets only; anything that could climb out of the build folder is refused here, before any file access.
  if (/^\/assets\/[A-Za-z0-9._-]+$/.test(path) && !path.includes('..')) return { kind: 'asset', file: path.slice(1) };
  return { kind: 'none' };
}

export function isAllCellsPath(pathname: string): boolean {
  return WALL_ALL.test(pathname);
}

export function wallFromPath(pathname: string): number | null {
  const m = WALL.exec(pathname);
  return m ? Number(m[1]) : null;
}
