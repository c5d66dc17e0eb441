// The offline base map: a dark ground, the regency outline and its 33 kecamatan; with a tile server configured,
// its tiles (through the host, base-tiles.ts) under lighter boundary fills.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { BaseTileSource } from '../../../src/common/base-tiles';
import { baseTileLayer } from './base-tiles';
import { kecamatan, regencyBoundary, type KecamatanProps } from './region-data';

export interface BaseMapOptions {
  /** Console: pan, zoom, tooltips. Wall: a still picture. */
  interactive: boolean;
  showKecamatan: boolean;
}

export interface BaseMap {
  map: L.Map;
  incidents: L.LayerGroup;
  bounds: L.LatLngBounds;
  /** The regency outline and the kecamatan (null when not shown), for a console that toggles them. */
  boundary: L.GeoJSON;
  kecamatan: L.GeoJSON | null;
  /** The raster base when a tile server is configured (setBaseTiles). */
  tiles: L.TileLayer | null;
}

const GROUND = { regency: 1, kecamatan: 0.6 };
/** Over tiles the fills only tint, so streets and rivers show through. */
const OVER_TILES = { regency: 0.08, kecamatan: 0.18 };

export function createBaseMap(el: HTMLElement, opts: BaseMapOptions): BaseMap {
  const map = L.map(el, {
    zoomControl: opts.interactive,
    attributionControl: opts.interactive,
    dragging: opts.interactive,
    scrollWheelZoom: opts.interactive,
    doubleClickZoom: opts.interactive,
    boxZoom: opts.interactive,
    keyboard: opts.interactive,
    touchZoom: opts.interactive,
    zoomSnap: 0.25,
    fadeAnimation: opts.interactive,
    zoomAnimation: opts.interactive,
    markerZoomAnimation: opts.interactive,
  });
  if (opts.interactive)
    map.attributionControl.setPrefix(false).addAttribution('Batas wilayah: cahyadsn/wilayah_boundaries (MIT)');

  const boundary = L.geoJSON(regencyBoundary, {
    interactive: false,
    style: {
      className: 'regency-boundary',
      color: '#8fb3ff',
      weight: 3,
      fill: true,
      fillColor: '#0f1d30',
      fillOpacity: 1,
    },
  }).addTo(map);

  let kecamatanLayer: L.GeoJSON | null = null;
  if (opts.showKecamatan) {
    kecamatanLayer = L.geoJSON(kecamatan, {
      interactive: opts.interactive,
      style: { className: 'kecamatan', color: '#4a6fa5', weight: 1, fillColor: '#16283f', fillOpacity: 0.6 },
      onEachFeature: (feature, layer) => {
        const props = feature.properties as KecamatanProps;
        if (opts.interactive) layer.bindTooltip(props.nama, { sticky: true, className: 'kecamatan-tooltip' });
        // Leaflet creates the path element only when the layer joins the map.
        layer.on('add', () => (layer as L.Path).getElement()?.setAttribute('data-kode', props.kode));
      },
    }).addTo(map);
  }

  const incidents = L.layerGroup().addTo(map);
  return { map, incidents, bounds: boundary.getBounds(), boundary, kecamatan: kecamatanLayer, tiles: null };
}

const shownSource = new WeakMap<BaseMap, string>();

/** Puts the tile base under the boundaries (or takes it away); a wall map shows its attribution too. */
export function setBaseTiles(base: BaseMap, source: BaseTileSource | undefined): void {
  const want = source?.enabled ? source : null;
  const key = want ? JSON.stringify(want) : '';
  if ((shownSource.get(base) ?? '') === key) return;
  shownSource.set(base, key);
  base.tiles?.remove();
  base.tiles = null;
  if (want) {
    // A still wall map has no attribution control of its own; the tile server's licence asks for one.
    // Set as the map's own, so Leaflet adds and removes the layers' credits there; bottom left, clear of the
    // wall's number badge.
    base.map.attributionControl ??= L.control.attribution({ prefix: false, position: 'bottomleft' }).addTo(base.map);
    base.tiles = baseTileLayer(want).addTo(base.map);
  }
  const fills = want ? OVER_TILES : GROUND;
  base.boundary.setStyle({ fillOpacity: fills.regency });
  base.kecamatan?.setStyle({ fillOpacity: fills.kecamatan });
}
