// Nawa's own origin inside Electron, and the page each planned window shows. Pages come from app://nawa/
// rather than file://, so they get a real origin the CSP and the IPC guard can name.
import type { WindowPlan } from './display-plan';

export const APP_SCHEME = 'app';
export const APP_HOST = 'nawa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // `URL.origin` is "null" for non-special schemes, so the parts are compared one by one.
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * The console at /, wall N at /wall/N (resolveRoute in src/common/routes.ts). The laptop's "all cells" window
 * opens wall 1 with `?cells=all`, which the wall page honours by drawing every cell (as it does at /wall/all).
 */
export function pageUrl(plan: WindowPlan): string {
  if (plan.role === 'console') return `${APP_ORIGIN}/`;
  return plan.wall === 'all' ? `${APP_ORIGIN}/wall/1?cells=all` : `${APP_ORIGIN}/wall/${plan.wall}`;
}
