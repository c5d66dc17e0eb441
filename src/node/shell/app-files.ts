// What app://nawa/ answers: the same pages and assets, with the same CSP, that `nawa serve` gives browsers
// (src/node/serve/static-files.ts), as a fetch Response for Electron's protocol.handle.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { resolveRoute } from '../../common/routes';
import { CSP, staticFileHeaders } from '../../common/static-headers';
import { TILE_ROUTE } from '../../common/base-tiles';
import { noTilesAnswer, type TileService } from '../host/tile-service';
import { frameSources } from '../../common/web-allow-list';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * The CSP of app://nawa/ pages: the host API is IPC, so no socket to anywhere ('self' only), and frames only
 * from the web tiles' allow-list (as `nawa serve` does for browsers).
 */
export const APP_CSP = CSP.replace("connect-src 'self' ws: wss:", "connect-src 'self'").replace(
  'frame-src https:',
  `frame-src ${frameSources()}`,
);

export async function respondToAppRequest(
  request: { url: string; method: string },
  distDir: string,
  tiles: TileService | null = null,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  if (url.pathname.startsWith(TILE_ROUTE)) {
    // The map's tiles on the app's own origin, so the CSP's img-src 'self' covers them (tile-service.ts).
    const answer = tiles ? await tiles.answer(url.pathname) : noTilesAnswer(url.pathname);
    if (!answer) return notFound();
    const body = request.method === 'HEAD' || !answer.body ? null : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  }
  const route = resolveRoute(url.pathname);
  if (route.kind === 'none') return notFound();
  // resolveRoute already refuses anything that could climb out; this holds even if that rule ever loosens.
  const root = resolve(distDir);
  const file = resolve(root, route.file);
  const inside = relative(root, file);
  if (inside.startsWith('..') || isAbsolute(inside)) return notFound();

  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    if (route.kind === 'page') {
      return new Response('Nawa is not built: run `npm run build`.\n', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return notFound();
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: staticFileHeaders(file, route.kind, APP_CSP),
  });
}

function notFound(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
