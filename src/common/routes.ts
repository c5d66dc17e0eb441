// Which built page answers a path, for `nawa serve` and for Electron's app:// protocol alike.
export type Route =
  | { kind: 'page'; file: 'console/index.html' | 'wall/index.html'; wall?: number }
  | { kind: 'asset'; file: string }
  | { kind: 'none' };

const WALL = /^\/wall\/([1-9]\d?)\/?$/;

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
  // Built assets only; anything that could climb out of the build folder is refused here, before any file access.
  if (/^\/assets\/[A-Za-z0-9._-]+$/.test(path) && !path.includes('..')) return { kind: 'asset', file: path.slice(1) };
  return { kind: 'none' };
}

export function wallFromPath(pathname: string): number | null {
  const m = WALL.exec(pathname);
  return m ? Number(m[1]) : null;
}
