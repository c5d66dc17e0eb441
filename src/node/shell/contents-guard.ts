// The rules every web contents of the Electron shell lives by, not only the windows the factory makes: Electron
// hands each new one (a window, a DevTools view, a webview a page tried to attach) to `web-contents-created`,
// and main.ts passes it here. Plain functions over the few methods used, so they are tested with fakes.
// - No new windows: window.open and target=_blank are denied.
// - The main frame navigates only within app://nawa/; a frame (a web tile) only to an allow-listed https page.
// - No <webview>.
// - Permissions: only what Nawa's own top-level pages need (permission-policy.ts); no devices at all.
// - DevTools only where the shell allows them (never in a packaged build).
import { checkWebUrl, WEB_TILE_DOMAINS } from '../../common/web-allow-list';
import { isAppUrl } from './app-origin';
import { allowPermission } from './permission-policy';

export interface Preventable {
  preventDefault(): void;
}
/** Electron's navigation event objects (will-navigate, will-frame-navigate, will-redirect) carry these. */
export interface NavigationDetails extends Preventable {
  url: string;
  isMainFrame: boolean;
}
interface PermissionDetails {
  requestingUrl?: string;
  isMainFrame: boolean;
}

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      grant: (granted: boolean) => void,
      details: PermissionDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, origin: string, details: PermissionDetails) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export interface GuardedContents {
  readonly session: GuardedSession;
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (e: NavigationDetails) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (e: Preventable) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

export interface ContentsGuardOptions {
  /** Whether DevTools may stay open: only in development (app.isPackaged false). */
  devTools: boolean;
  /** The web tiles' allow-list (the frames' CSP names the same). */
  frameDomains?: readonly string[];
}

/** Where a frame may go: Nawa's own pages for the main frame, allow-listed https pages for a web tile's frame. */
export function navigationAllowed(
  url: string,
  isMainFrame: boolean,
  frameDomains: readonly string[] = WEB_TILE_DOMAINS,
): boolean {
  if (isMainFrame) return isAppUrl(url);
  // A frame starts blank before its page loads.
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  return checkWebUrl(url, frameDomains).ok;
}

/** Returns the guard to give every web contents; guarding one twice (factory and web-contents-created) is harmless. */
export function createContentsGuard(options: ContentsGuardOptions): (contents: GuardedContents) => void {
  const guarded = new WeakSet<GuardedContents>();
  const sessions = new WeakSet<GuardedSession>();
  const domains = options.frameDomains ?? WEB_TILE_DOMAINS;
  const navigation = (e: NavigationDetails) => {
    if (!navigationAllowed(e.url, e.isMainFrame, domains)) e.preventDefault();
  };

  return (contents) => {
    if (guarded.has(contents)) return;
    guarded.add(contents);
    // will-navigate fires for the main frame only; will-frame-navigate for every frame, the main one included.
    contents.on('will-navigate', navigation);
    contents.on('will-frame-navigate', navigation);
    contents.on('will-redirect', navigation);
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());

    const session = contents.session;
    if (sessions.has(session)) return;
    sessions.add(session);
    session.setPermissionRequestHandler((_c, permission, grant, details) =>
      grant(allowPermission(permission, details.requestingUrl, details.isMainFrame)),
    );
    session.setPermissionCheckHandler((_c, permission, _origin, details) =>
      allowPermission(permission, details.requestingUrl, details.isMainFrame),
    );
    // USB, serial and HID devices: a wall shows pictures, it never talks to hardware.
    session.setDevicePermissionHandler(() => false);
  };
}
