// Which browser permissions a window may have. Nawa's pages need almost nothing from the browser (data comes
// from the host, not from devices); the web pages and videos a layout embeds need nothing at all. So: deny by
// default, and let only Nawa's own top-level pages go full screen or copy text.
import { isAppUrl } from './app-origin';

const ALLOWED = new Set(['fullscreen', 'clipboard-sanitized-write']);

export function allowPermission(permission: string, requestingUrl: string | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(requestingUrl) && ALLOWED.has(permission);
}
