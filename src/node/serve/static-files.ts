// Serves the built renderer: the console at /, the wall pages at /wall/N, hashed assets under /assets.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { resolveRoute } from '../../common/routes';
import { staticFileHeaders } from '../../common/static-headers';

export async function serveStatic(distDir: string, pathname: string, res: ServerResponse): Promise<boolean> {
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
  res.writeHead(200, staticFileHeaders(route.file, route.kind));
  res.end(body);
  return true;
}
