// Serves the built renderer: the console at /, the wall pages at /wall/N, hashed assets under /assets.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { resolveRoute } from '../../common/routes';
import { WEB_TILE_DOMAINS } from '../../common/web-allow-list';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.geojson': 'application/geo+json',
  '.webp': 'image/webp', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
};

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
  + "connect-src 'self' ws: wss:; frame-src https:; media-src 'self' https: http:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The CSP of a page served to `host` (a Host header already checked): the host API only on this very origin,
 * frames only from the web tiles' allow-list.
 */
export function pageCsp(host: string, domains: readonly string[] = WEB_TILE_DOMAINS): string {
  const frames = domains.flatMap((d) => [`https://${d}`, `https://*.${d}`]).join(' ');
  return CSP.replace("connect-src 'self' ws: wss:", `connect-src 'self' ws://${host} wss://${host}`).replace('frame-src https:', `frame-src ${frames}`);
}

export async function serveStatic(distDir: string, pathname: string, res: ServerResponse, csp: string = CSP): Promise<boolean> {
  const route = resolveRoute(pathname);
  if (route.kind === 'none') return false;
  let body: Buffer;
  try {
    body = await readFile(join(distDir, route.file));
  } catch {
    if (route.kind === 'page') {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console is not built yet: run `npm run build` (npm run web does it for you).\n');
      return true;
    }
    return false;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(route.file)] ?? 'application/octet-stream',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': route.kind === 'asset' ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(body);
  return true;
}
