// Serves the built renderer: the console at /, the wall pages at /wall/N, hashed assets under /assets.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { resolveRoute } from '../../common/routes';
import { CSP, staticFileHeaders } from '../../common/static-headers';
import { frameSources, WEB_TILE_DOMAINS } from '../../common/web-allow-list';

/**
 * The CSP of a page served to `host` (a Host header already checked): the host API only on this very origin,
 * frames only from the web tiles' allow-list.
 */
export function pageCsp(host: string, domains: readonly string[] = WEB_TILE_DOMAINS): string {
  const frames = frameSources(domains);
  return CSP.replace("connect-src 'self' ws: wss:", `connect-src 'self' ws://${host} wss://${host}`).replace(
    'frame-src https:',
    `frame-src ${frames}`,
  );
}

export async function serveStatic(
  distDir: string,
  pathname: string,
  res: ServerResponse,
  csp: string = CSP,
): Promise<boolean> {
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
  res.writeHead(200, staticFileHeaders(route.file, route.kind, csp));
  res.end(body);
  return true;
}
