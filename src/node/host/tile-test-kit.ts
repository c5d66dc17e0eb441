// A real tile server on loopback for the tile tests (unit and end to end): PNG tiles drawn per coordinate, and
// the bad answers a tile server can give (500, an HTML error page, a body far too large, a slow one).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { listen } from '../base/listen';

export type TileServerMode = 'ok' | 'error500' | 'html' | 'huge' | 'hugeChunked' | 'notImage' | 'hang';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A 256 x 256 PNG: a colour from the coordinates with a light border (so a screenshot shows the tile grid);
 * `noise` adds random pixels in a corner so the tile does not compress (about `noise` bytes larger).
 */
export function pngTile(z: number, x: number, y: number, noise = 0): Buffer {
  const size = 256;
  const r = (40 + z * 17) % 200;
  const g = (60 + x * 37) % 200;
  const b = (90 + y * 53) % 200;
  const noisy = Math.min(size, Math.ceil(Math.sqrt(noise / 3)));
  const rand = noise > 0 ? randomBytes(noisy * noisy * 3) : Buffer.alloc(0);
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let row = 0; row < size; row++) {
    const at = row * (size * 3 + 1);
    raw[at] = 0;
    for (let col = 0; col < size; col++) {
      const p = at + 1 + col * 3;
      const edge = row < 2 || col < 2;
      if (row < noisy && col < noisy) rand.copy(raw, p, (row * noisy + col) * 3, (row * noisy + col) * 3 + 3);
      else if (edge) raw.fill(230, p, p + 3);
      else {
        raw[p] = r;
        raw[p + 1] = g;
        raw[p + 2] = b;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TestTileServer {
  /** Template for --tiles: http://127.0.0.1:PORT/{z}/{x}/{y}.png */
  readonly template: string;
  /** Requests per tile path (`z/x/y`), and in all. */
  readonly hits: Map<string, number>;
  total(): number;
  mode: TileServerMode;
  /** Extra random bytes per tile (so tests can fill a cache of a known bound). */
  noise: number;
  /** Stops answering: the port refuses connections, as a server gone offline. */
  stop(): Promise<void>;
  /** Back on the same port. */
  restart(): Promise<void>;
}

export async function startTileServer(): Promise<TestTileServer> {
  const hits = new Map<string, number>();
  const state = { mode: 'ok' as TileServerMode, noise: 0 };
  let server: Server;
  const make = () =>
    createServer((req, res) => {
      const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const key = `${m[1]}/${m[2]}/${m[3]}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      const tile = () => pngTile(Number(m[1]), Number(m[2]), Number(m[3]), state.noise);
      switch (state.mode) {
        case 'ok': {
          if (req.headers['if-none-match'] === `"${key}"`) {
            res.writeHead(304, { etag: `"${key}"` }).end();
            return;
          }
          const body = tile();
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length, etag: `"${key}"` });
          res.end(body);
          return;
        }
        case 'error500':
          res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
          return;
        case 'html':
          // Many servers answer an outage with a 200 and a page: it is not a tile.
          res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><h1>Service unavailable</h1>');
          return;
        case 'notImage':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>maintenance</p>');
          return;
        case 'huge': {
          const body = Buffer.concat([tile(), Buffer.alloc(5 * 1024 * 1024)]);
          res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length }).end(body);
          return;
        }
        case 'hugeChunked': {
          // No length: only counting the bytes as they come shows it is too large.
          res.writeHead(200, { 'content-type': 'image/png' });
          res.write(tile());
          let sent = 0;
          const more = () => {
            while (sent < 8 * 1024 * 1024) {
              sent += 64 * 1024;
              if (!res.write(Buffer.alloc(64 * 1024))) {
                res.once('drain', more);
                return;
              }
            }
            res.end();
          };
          res.on('error', () => {});
          more();
          return;
        }
        case 'hang':
          return; // never answers; the host's timeout must
      }
    });
  server = make();
  await listen(server, 0, '127.0.0.1');
  const port = (server.address() as { port: number }).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    hits,
    total: () => [...hits.values()].reduce((a, b) => a + b, 0),
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    get noise() {
      return state.noise;
    },
    set noise(n) {
      state.noise = n;
    },
    stop,
    async restart() {
      server = make();
      await listen(server, port, '127.0.0.1');
    },
  };
}
