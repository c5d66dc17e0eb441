// The offline base map: no tile server, a dark ground, the regency outline and its 33 kecamatan.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
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
}

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
  return { map, incidents, bounds: boundary.getBounds(), boundary, kecamatan: kecamatanLayer };
}
