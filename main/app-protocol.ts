// app://nawa/ for Electron: the privileged scheme (must be declared before `ready`) and its handler, which
// answers from the built renderer with the same routes and CSP as `nawa serve`.
import { protocol } from 'electron';
import type { TileService } from '../src/node/host/tile-service';
import { respondToAppRequest } from '../src/node/shell/app-files';
import { APP_SCHEME } from '../src/node/shell/app-origin';

/** Before app ready: a standard, secure scheme gets a real origin, so 'self' in the CSP means app://nawa. */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After app ready: serve `distDir` (the renderer build) on app://nawa/, and the map's tiles under /tiles/. */
export function serveAppScheme(distDir: string, tiles: TileService | null = null): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, distDir, tiles));
}
