// The optional raster base under the boundaries: tiles from the host's own origin (/tiles/…, see
// src/node/host/tile-service.ts), never from the tile server itself, so the CSP's img-src 'self' holds and an
// offline console shows what the host has cached. Without a tile server the bundled boundaries are the map.
import * as L from 'leaflet';
import { useQuery } from '@tanstack/react-query';
import { BaseTileSource, TILE_SOURCE_PATH } from '../../../src/common/base-tiles';
import { tokenQuery } from '../host-client';

const NONE: BaseTileSource = { enabled: false };

/** What the host says about tiles; "none" when it cannot be read (the boundaries still draw). */
export async function fetchTileSource(): Promise<BaseTileSource> {
  try {
    const res = await fetch(`${TILE_SOURCE_PATH}${tokenQuery()}`, { cache: 'no-store' });
    if (!res.ok) return NONE;
    const parsed = BaseTileSource.safeParse(await res.json());
    return parsed.success ? parsed.data : NONE;
  } catch {
    return NONE;
  }
}

/** Read once per page: the setting changes only with a restart of the host. */
export function useTileSource(): BaseTileSource | undefined {
  return useQuery({ queryKey: ['map', 'tile-source'], queryFn: fetchTileSource, staleTime: Infinity, retry: 2 }).data;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The tile layer for a source, with its attribution (operator-set text, shown as text: Leaflet takes HTML). */
export function baseTileLayer(source: Extract<BaseTileSource, { enabled: true }>): L.TileLayer {
  return L.tileLayer(`${source.template}${tokenQuery()}`, {
    maxZoom: source.maxZoom,
    maxNativeZoom: source.maxZoom,
    attribution: escapeHtml(source.attribution),
    className: 'base-tiles',
    // A missing tile (offline, not cached) stays empty: the boundaries above it still draw.
    errorTileUrl: '',
  });
}
