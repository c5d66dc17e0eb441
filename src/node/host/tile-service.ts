// The host's side of the map's tile base: answers /tiles/{z}/{x}/{y} from the cache (tile-cache.ts) or from the
// configured tile server, and /tiles/source.json with what the renderer needs to draw them. Only a real image
// (status 200, an image type whose bytes agree, under MAX_TILE_BYTES) is cached or passed on; anything else
// from upstream is a missing tile, never a broken one. When the server cannot be reached the cache answers
// alone for a while, so an offline console does not wait on a timeout per tile.
import { createHash } from 'node:crypto';
import {
  BaseTileSource,
  MAX_TILE_BYTES,
  parseTilePath,
  sniffTileImage,
  TILE_ROUTE,
  TILE_SOURCE_PATH,
  tileUrl,
  type TileCoord,
} from '../../common/base-tiles';
import { NAWA_VERSION } from '../base/version';
import { TileCache, type CachedTile } from '../store/tile-cache';
import type { TileSettings } from './tile-settings';

export interface TileServiceOptions {
  settings: TileSettings;
  /** The cache file (tiles.db in the console's data folder). */
  cachePath: string;
  /** Epoch ms; the cache's LRU order and freshness follow it. */
  now?: () => number;
  /** Per upstream request, headers and body together. */
  timeoutMs?: number;
  /** A cached tile younger than this is served without asking upstream. */
  freshMs?: number;
  /** After upstream could not be reached, only the cache answers for this long. */
  retryAfterMs?: number;
  log?: (line: string) => void;
}

export type TileOutcome =
  | { kind: 'hit' | 'fetched' | 'revalidated' | 'stale'; tile: CachedTile }
  /** `unreachable`: upstream did not answer (offline); `refused`: it answered something that is not a tile. */
  | { kind: 'missing'; why: 'unreachable' | 'refused'; detail: string };

export interface TileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

const DAY = 86_400_000;
const USER_AGENT = `Nawa/${NAWA_VERSION} (Kabupaten Malang Command Center console)`;

class Refused extends Error {}

export class TileService {
  private readonly cache: TileCache;
  private readonly source: string;
  private readonly now: () => number;
  private readonly inFlight = new Map<string, Promise<TileOutcome>>();
  private downUntil = 0;
  /** Upstream requests made, for the status line and the tests. */
  upstreamRequests = 0;

  constructor(private readonly opts: TileServiceOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.cache = TileCache.open(opts.cachePath, { maxBytes: opts.settings.cacheBytes, now: this.now, log: opts.log });
    // Tiles of another server (the setting changed) are never served for this one; the LRU clears them in time.
    this.source = createHash('sha256').update(opts.settings.template).digest('hex').slice(0, 16);
  }

  describe(): BaseTileSource {
    return {
      enabled: true,
      template: `${TILE_ROUTE}{z}/{x}/{y}`,
      attribution: this.opts.settings.attribution,
      maxZoom: this.opts.settings.maxZoom,
    };
  }

  get cacheBytes(): number {
    return this.cache.bytes();
  }

  get cachedTiles(): number {
    return this.cache.count();
  }

  async tile(t: TileCoord): Promise<TileOutcome> {
    const cached = this.cache.get(this.source, t);
    const age = cached ? this.now() - cached.fetchedAt : Infinity;
    if (cached && age < (this.opts.freshMs ?? 30 * DAY)) return { kind: 'hit', tile: cached };
    if (this.now() < this.downUntil) {
      return cached
        ? { kind: 'stale', tile: cached }
        : { kind: 'missing', why: 'unreachable', detail: 'the tile server was unreachable a moment ago' };
    }
    // Nine walls and a console asking for the same tile at once make one upstream request.
    const key = `${t.z}/${t.x}/${t.y}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.fetchUpstream(t, cached).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** The HTTP answer for a path under /tiles/, or null when the path is not one of ours. */
  async answer(pathname: string): Promise<TileAnswer | null> {
    if (pathname === TILE_SOURCE_PATH) return sourceAnswer(this.describe());
    if (!pathname.startsWith(TILE_ROUTE)) return null;
    const t = parseTilePath(pathname, this.opts.settings.maxZoom);
    if (!t) return plain(404, 'No such tile.\n');
    const out = await this.tile(t);
    if (out.kind === 'missing')
      return plain(out.why === 'unreachable' ? 504 : 502, `Tile not available: ${out.detail}.\n`);
    return {
      status: 200,
      headers: {
        'content-type': out.tile.contentType,
        'content-length': String(out.tile.body.length),
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
        'x-nawa-tile': out.kind,
      },
      body: out.tile.body,
    };
  }

  close(): void {
    this.cache.close();
  }

  private async fetchUpstream(t: TileCoord, cached: CachedTile | null): Promise<TileOutcome> {
    const url = tileUrl(this.opts.settings.template, t);
    this.upstreamRequests++;
    let res: Response;
    const signal = AbortSignal.timeout(this.opts.timeoutMs ?? 8000);
    try {
      res = await fetch(url, {
        headers: {
          accept: 'image/png,image/jpeg,image/webp',
          'user-agent': USER_AGENT,
          ...(cached?.etag ? { 'if-none-match': cached.etag } : {}),
        },
        // A redirect could lead off the checked URL (to plain http, say): the configured server answers or nothing.
        redirect: 'error',
        signal,
      });
    } catch (e) {
      this.downUntil = this.now() + (this.opts.retryAfterMs ?? 30_000);
      const detail = `the tile server did not answer (${(e as Error).message})`;
      this.opts.log?.(`tiles: ${detail}; serving from the cache for now`);
      return cached ? { kind: 'stale', tile: cached } : { kind: 'missing', why: 'unreachable', detail };
    }
    this.downUntil = 0;
    try {
      if (res.status === 304 && cached) {
        await res.body?.cancel();
        const fetchedAt = this.now();
        this.cache.markFresh(this.source, t, fetchedAt);
        return { kind: 'revalidated', tile: { ...cached, fetchedAt } };
      }
      const body = await readTile(res, signal);
      const tile: CachedTile = {
        contentType: body.type,
        body: body.bytes,
        etag: res.headers.get('etag'),
        fetchedAt: this.now(),
      };
      this.cache.put(this.source, t, tile);
      return { kind: 'fetched', tile };
    } catch (e) {
      const detail = e instanceof Refused ? e.message : `the tile server's answer broke off (${(e as Error).message})`;
      // A bad answer for a tile we hold keeps the old picture; it is asked again next time.
      return cached ? { kind: 'stale', tile: cached } : { kind: 'missing', why: 'refused', detail };
    }
  }
}

/** The body of a 200 answer that is really an image of an accepted type and not too large, or a Refused. */
async function readTile(res: Response, signal: AbortSignal): Promise<{ type: string; bytes: Buffer }> {
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Refused(`the tile server answered ${res.status}`);
  }
  const declared = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!['image/png', 'image/jpeg', 'image/webp'].includes(declared)) {
    await res.body?.cancel();
    throw new Refused(`the tile server sent ${declared || 'no content type'}, not an image`);
  }
  const length = Number(res.headers.get('content-length') ?? NaN);
  if (length > MAX_TILE_BYTES) {
    await res.body?.cancel();
    throw new Refused(`the tile server sent ${length} bytes, more than a tile may be`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  if (!reader) throw new Refused('the tile server sent no body');
  for (;;) {
    if (signal.aborted) throw new Error('timed out');
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_TILE_BYTES) {
      await reader.cancel();
      throw new Refused(`the tile server sent more than ${MAX_TILE_BYTES} bytes, more than a tile may be`);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  // Servers mislabel PNG as JPEG now and then; what counts is that the bytes are an image (an HTML page is not).
  const real = sniffTileImage(bytes);
  if (!real) throw new Refused(`the tile server's ${declared} is not an image`);
  return { type: real, bytes };
}

function plain(status: number, text: string): TileAnswer {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    body: Buffer.from(text),
  };
}

function sourceAnswer(source: BaseTileSource): TileAnswer {
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body: Buffer.from(JSON.stringify(source)),
  };
}

/** What a host without a tile server answers under /tiles/: "no tiles" for the source, nothing else. */
export function noTilesAnswer(pathname: string): TileAnswer | null {
  if (pathname === TILE_SOURCE_PATH) return sourceAnswer({ enabled: false });
  return pathname.startsWith(TILE_ROUTE) ? plain(404, 'No tile server is configured.\n') : null;
}
