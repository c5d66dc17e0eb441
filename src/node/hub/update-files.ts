// `nawa hub --updates DIR`: the consoles' update feed on the regency's LAN. Serves a release folder as
// electron-builder writes it (latest-linux.yml, latest.yml, the AppImage, the .exe and its .blockmap) under
// /updates/, read only, no token: what protects a console is the sha512 in the yml (and on Windows the
// publisher's signature), and TLS once the hub serves it.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';

export const UPDATES_PREFIX = '/updates/';

/** Letters, digits and . _ - only, never a leading dot: no "..", no hidden files, no encoded separators. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

const TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.appimage': 'application/octet-stream',
  '.blockmap': 'application/octet-stream',
  '.deb': 'application/vnd.debian.binary-package',
};

/** Answers a request under /updates/ from `dir`; returns false for any other path (the API router takes it). */
export function serveUpdateFile(dir: string, req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (!pathname.startsWith(UPDATES_PREFIX)) return false;
  const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
    res
      .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers })
      .end(`${text}\n`);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(405, 'the update feed is read only', { allow: 'GET, HEAD' });
    return true;
  }
  const segments = pathname.slice(UPDATES_PREFIX.length).split('/');
  if (segments.length > 4 || !segments.every((s) => SEGMENT.test(s))) {
    plain(404, 'no such update file');
    return true;
  }
  let file: string;
  let size: number;
  try {
    // Resolved through links too: a link in the folder that points elsewhere is not part of the feed.
    const root = realpathSync(resolve(dir));
    file = realpathSync(join(root, ...segments));
    const st = statSync(file);
    if (!st.isFile() || !file.startsWith(root + sep)) throw new Error('not a file');
    size = st.size;
  } catch {
    plain(404, 'no such update file');
    return true;
  }
  const ext = (/\.[A-Za-z0-9]+$/.exec(file)?.[0] ?? '').toLowerCase();
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': size,
    'x-content-type-options': 'nosniff',
    // The yml changes with every release; a release file never changes under its versioned name.
    'cache-control': ext === '.yml' ? 'no-cache' : 'public, max-age=86400',
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}
