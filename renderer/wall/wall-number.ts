// Which screen this page is: /wall/N as `nawa serve` and app:// route it, or ?n=N for a page opened by hand;
// or every screen at once: /wall/all, or any wall page with ?cells=all (a laptop, one 5760 x 3240 display).
import { isAllCellsPath, wallFromPath } from '../../src/common/routes';

export type WallPage = { kind: 'one'; wall: number } | { kind: 'all' };

export function wallNumberOf(pathname: string, search: string): number | null {
  const fromPath = wallFromPath(pathname);
  if (fromPath !== null) return fromPath;
  const n = new URLSearchParams(search).get('n');
  if (n === null || !/^[1-9]\d?$/.test(n)) return null;
  return Number(n);
}

export function wallPageOf(pathname: string, search: string): WallPage | null {
  if (isAllCellsPath(pathname) || new URLSearchParams(search).get('cells') === 'all') return { kind: 'all' };
  const wall = wallNumberOf(pathname, search);
  return wall === null ? null : { kind: 'one', wall };
}
