// The map's optional raster base (issue 8): a tile server the host fetches from, caches and serves on its own
// origin (/tiles/{z}/{x}/{y}), so the page's CSP never names the tile server and an offline console still draws
// what it has seen. Without one the bundled boundaries are the whole base map, as before. Pure: the host checks
// the configured URL with it, the renderer reads the source description with it.
import { z } from 'zod';
import { inCameraNetworks } from './tile-url-policy';

/** The path under the host's own origin (`nawa serve`, app://nawa) where tiles are served. */
export const TILE_ROUTE = '/tiles/';
/** What the renderer reads to learn whether tiles are configured, and their attribution. */
export const TILE_SOURCE_PATH = '/tiles/source.json';
export const DEFAULT_TILE_CACHE_BYTES = 200 * 1024 * 1024;
export const DEFAULT_TILE_MAX_ZOOM = 19;
/** One tile is tens of kilobytes; anything past this is not a map tile, and is neither cached nor passed on. */
export const MAX_TILE_BYTES = 1024 * 1024;

/**
 * Where plain http may reach a tile server: this machine, or the regency's own private networks (a tile server
 * in the data centre often has no certificate). Anything else must be https, like the central API.
 */
const PLAIN_HTTP_NETWORKS = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

export type TileTemplateVerdict = { ok: true; template: string } | { ok: false; message: string };

/** Checks a tile server template such as https://tile.example/{z}/{x}/{y}.png. */
export function checkTileTemplate(raw: string): TileTemplateVerdict {
  const template = raw.trim();
  for (const p of ['{z}', '{x}', '{y}'])
    if (template.split(p).length !== 2)
      return {
        ok: false,
        message: `the tile URL must hold ${p} exactly once (e.g. https://tile.example/{z}/{x}/{y}.png)`,
      };
  let url: URL;
  try {
    url = new URL(template.replace('{z}', '0').replace('{x}', '0').replace('{y}', '0'));
  } catch {
    return { ok: false, message: `the tile URL ${JSON.stringify(raw)} is not a URL` };
  }
  if (/[{}]/.test(template.replace(/\{[zxy]\}/g, '')))
    return { ok: false, message: 'the tile URL may use only {z}, {x} and {y}' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'the tile URL must not carry credentials (an API key goes in the query string)' };
  if (url.protocol === 'https:') return { ok: true, template };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    url.protocol === 'http:' &&
    (host === 'localhost' || host === '::1' || inCameraNetworks(host, PLAIN_HTTP_NETWORKS))
  )
    return { ok: true, template };
  return {
    ok: false,
    message:
      url.protocol === 'http:'
        ? `plain http to a tile server only on this machine or a private network (not ${url.host}); use https`
        : `the tile URL must be https:// (not ${url.protocol})`,
  };
}

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** `/tiles/12/3300/2100` to its coordinates, or null for anything that is not a tile of zoom 0..maxZoom. */
export function parseTilePath(pathname: string, maxZoom: number): TileCoord | null {
  const m = /^\/tiles\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})$/.exec(pathname);
  if (!m) return null;
  const [z, x, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (z > maxZoom) return null;
  const n = 2 ** z;
  return x < n && y < n ? { z, x, y } : null;
}

export function tileUrl(template: string, t: TileCoord): string {
  return template.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
}

export type TileImageType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The image type the bytes really are (PNG, JPEG or WebP by their signature), or null. */
export function sniffTileImage(bytes: Uint8Array): TileImageType | null {
  const at = (i: number, ...b: number[]) => b.every((v, k) => bytes[i + k] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

/** What /tiles/source.json tells the renderer: never the upstream URL, which may carry an API key. */
export const BaseTileSource = z.discriminatedUnion('enabled', [
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true),
    /** Relative to the page's origin: /tiles/{z}/{x}/{y}. */
    template: z.string(),
    attribution: z.string().max(300),
    maxZoom: z.number().int().min(0).max(22),
  }),
]);
export type BaseTileSource = z.infer<typeof BaseTileSource>;
