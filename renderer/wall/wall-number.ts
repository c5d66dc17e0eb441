// Which screen this page is: /wall/N as `nawa serve` and app:// route it, or ?n=N for a page opened by hand.
import { wallFromPath } from '../../src/common/routes';

export function wallNumberOf(pathname: string, search: string): number | null {
  const fromPath = wallFromPath(pathname);
  if (fromPath !== null) return fromPath;
  const n = new URLSearchParams(search).get('n');
  if (n === null || !/^[1-9]\d?$/.test(n)) return null;
  return Number(n);
}
