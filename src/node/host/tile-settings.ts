// The tile server setting, from `nawa serve` flags or the Electron entry's NAWA_TILES* variables: checked once,
// before anything is opened, so a bad value is a clear usage error rather than a map that silently stays blank.
import { checkTileTemplate, DEFAULT_TILE_CACHE_BYTES, DEFAULT_TILE_MAX_ZOOM } from '../../common/base-tiles';

export interface TileSettings {
  /** Upstream template, e.g. https://tile.example/{z}/{x}/{y}.png (checked by checkTileTemplate). */
  template: string;
  /** Shown on the map: the tile server's licence asks for it. */
  attribution: string;
  maxZoom: number;
  /** Bound on the cached tiles' bytes. */
  cacheBytes: number;
}

/** The raw values and the names they were given under, for the error messages. */
export interface RawTileSettings {
  url?: string;
  attribution?: string;
  cacheMb?: string;
  maxZoom?: string;
}

export const FLAG_NAMES = {
  url: '--tiles',
  attribution: '--tiles-attribution',
  cacheMb: '--tiles-cache-mb',
  maxZoom: '--tiles-max-zoom',
} as const;
export const ENV_NAMES = {
  url: 'NAWA_TILES',
  attribution: 'NAWA_TILES_ATTRIBUTION',
  cacheMb: 'NAWA_TILES_CACHE_MB',
  maxZoom: 'NAWA_TILES_MAX_ZOOM',
} as const;

/** null when no tile URL is set (the bundled boundaries alone); throws naming the setting when a value is bad. */
export function readTileSettings(
  raw: RawTileSettings,
  names: Record<keyof RawTileSettings, string> = FLAG_NAMES,
): TileSettings | null {
  if (!raw.url) {
    const stray = (['attribution', 'cacheMb', 'maxZoom'] as const).find((k) => raw[k] !== undefined && raw[k] !== '');
    if (stray) throw new Error(`${names[stray]} needs ${names.url} (the tile server URL)`);
    return null;
  }
  const verdict = checkTileTemplate(raw.url);
  if (!verdict.ok) throw new Error(`${names.url}: ${verdict.message}`);
  const cacheMb = raw.cacheMb ? Number(raw.cacheMb) : DEFAULT_TILE_CACHE_BYTES / 2 ** 20;
  if (!Number.isFinite(cacheMb) || cacheMb < 4 || cacheMb > 100_000)
    throw new Error(`${names.cacheMb} must be a number of megabytes from 4 to 100000, not ${raw.cacheMb}`);
  const maxZoom = raw.maxZoom ? Number(raw.maxZoom) : DEFAULT_TILE_MAX_ZOOM;
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22)
    throw new Error(`${names.maxZoom} must be a whole zoom level from 1 to 22, not ${raw.maxZoom}`);
  const attribution =
    (raw.attribution ?? '').trim() || `© ${new URL(verdict.template.replace(/\{[zxy]\}/g, '0')).host}`;
  if (attribution.length > 300) throw new Error(`${names.attribution} is longer than 300 characters`);
  return { template: verdict.template, attribution, maxZoom, cacheBytes: Math.round(cacheMb * 2 ** 20) };
}
