// The console's map: the offline base (regency, kecamatan), desa from zoom 11, sites by kind coloured by link
// state, clustered incidents, a search outline, and a click that names the kecamatan and desa under it.
import * as L from 'leaflet';
import type { IncidentView } from '../../../src/common/host-api';
import type { PlaceEntry } from '../../../src/common/geo/place-search';
import { findContaining, type AreaFeature } from '../../../src/common/geo/point-in-polygon';
import type { Translate } from '../i18n/translate';
import type { BaseTileSource } from '../../../src/common/base-tiles';
import { createBaseMap, setBaseTiles, type BaseMap } from './base-map';
import { loadDesaBoundaries, type DesaProps } from './desa-data';
import { IncidentClusterLayer } from './incident-clusters';
import {
  DEFAULT_LAYERS,
  DESA_MIN_ZOOM,
  SiteLayers,
  type LayerVisibility,
  type SiteKind,
  type SiteWithState,
} from './map-layers';
import { incidentPopup, pointPopup, sitePopup } from './map-popups';
import { kecamatanAt } from './place-index';
import { kecamatan, type KecamatanProps } from './region-data';

export interface PointInfo {
  lat: number;
  lon: number;
  kecamatan: KecamatanProps | null;
  desa: DesaProps | null;
}

export interface ConsoleMapCallbacks {
  onSelectIncident: (id: string) => void;
  /** The operator asked for a new incident at this point (null when it lies outside the regency). */
  onCreateAt: (point: PointInfo) => void;
  canCreate: () => boolean;
}

export class ConsoleMapView {
  readonly base: BaseMap;
  readonly clusters: IncidentClusterLayer;
  private readonly sites: SiteLayers;
  private desa: L.GeoJSON | null = null;
  private desaAreas: AreaFeature<DesaProps>[] | null = null;
  private outline: L.Layer | null = null;
  private layers: LayerVisibility = { ...DEFAULT_LAYERS };
  private readonly outlineRenderer: L.SVG;

  constructor(
    el: HTMLElement,
    private t: Translate,
    private readonly cb: ConsoleMapCallbacks,
  ) {
    this.base = createBaseMap(el, { interactive: true, showKecamatan: true });
    const map = this.base.map;
    map.fitBounds(this.base.bounds, { padding: [8, 8] });
    map.createPane('nawa-desa').style.zIndex = '405';
    map.createPane('nawa-outline').style.zIndex = '460';
    this.outlineRenderer = L.svg({ pane: 'nawa-outline' });
    this.clusters = new IncidentClusterLayer(map, {
      onSelect: (inc, at) => {
        this.cb.onSelectIncident(inc.id);
        this.popup(at, incidentPopup(inc, this.t));
      },
    });
    this.clusters.show(true);
    this.sites = new SiteLayers(map, (s, at) => this.popup(at, sitePopup(s, this.t)));
    map.on('zoomend', () => this.syncDesa());
    map.on('click', (e: L.LeafletMouseEvent) => void this.clicked(e.latlng));
    this.apply();
  }

  setTranslate(t: Translate): void {
    this.t = t;
  }

  setIncidents(list: readonly IncidentView[], selectedId: string | null): void {
    this.clusters.setIncidents(list, selectedId);
  }

  /** The tile server's base under the boundaries, once the host has said whether it has one. */
  setBaseTiles(source: BaseTileSource | undefined): void {
    setBaseTiles(this.base, source);
  }

  setSites(list: readonly SiteWithState[]): void {
    this.sites.setSites(list);
  }

  setLayers(layers: LayerVisibility): void {
    this.layers = layers;
    this.apply();
  }

  private apply(): void {
    const map = this.base.map;
    const l = this.layers;
    toggle(this.base.boundary, l.regency, map);
    // Re-added, the filled ground would cover the kecamatan.
    if (l.regency) this.base.boundary.bringToBack();
    if (this.base.kecamatan) toggle(this.base.kecamatan, l.kecamatan, map);
    this.clusters.show(l.incidents);
    for (const kind of ['village', 'opd', 'tourism', 'cctv', 'facility'] as SiteKind[])
      this.sites.show(kind, l[`site-${kind}`]);
    this.syncDesa();
  }

  private syncDesa(): void {
    const want = this.layers.desa && this.base.map.getZoom() >= DESA_MIN_ZOOM;
    if (!want) {
      this.desa?.remove();
      return;
    }
    if (this.desa) {
      this.desa.addTo(this.base.map);
      return;
    }
    void this.desaLayer().then((layer) => {
      if (this.layers.desa && this.base.map.getZoom() >= DESA_MIN_ZOOM) layer.addTo(this.base.map);
    });
  }

  private async desaLayer(): Promise<L.GeoJSON> {
    if (this.desa) return this.desa;
    const data = await loadDesaBoundaries();
    this.desaAreas ??= data.features as unknown as AreaFeature<DesaProps>[];
    this.desa ??= L.geoJSON(data, {
      renderer: L.canvas({ pane: 'nawa-desa', padding: 0.3 }),
      style: { color: '#6d8fc4', weight: 0.8, opacity: 0.9, fillColor: '#000', fillOpacity: 0 },
      onEachFeature: (feature, layer) =>
        layer.bindTooltip((feature.properties as DesaProps).nama, { sticky: true, className: 'kecamatan-tooltip' }),
    } as L.GeoJSONOptions);
    return this.desa;
  }

  private async clicked(at: L.LatLng): Promise<void> {
    const kec = kecamatanAt(at.lat, at.lng);
    let desa: DesaProps | null = null;
    if (kec) {
      try {
        await this.desaLayer();
        desa = findContaining(this.desaAreas ?? [], at.lng, at.lat)?.properties ?? null;
      } catch {
        /* the desa name is a nicety; the kecamatan is what an incident needs */
      }
    }
    const point: PointInfo = { lat: at.lat, lon: at.lng, kecamatan: kec, desa };
    this.popup(
      at,
      pointPopup(
        point,
        this.t,
        this.cb.canCreate() && kec
          ? () => {
              this.base.map.closePopup();
              this.cb.onCreateAt(point);
            }
          : null,
      ),
    );
  }

  private popup(at: L.LatLng, content: HTMLElement): void {
    L.popup({ maxWidth: 320 }).setLatLng(at).setContent(content).openOn(this.base.map);
  }

  /** Flies to a search hit and outlines it: the boundary of a kecamatan or desa, a ring around a place. */
  async focus(entry: PlaceEntry): Promise<void> {
    const map = this.base.map;
    this.outline?.remove();
    this.outline = null;
    let geometry: GeoJSON.Feature | undefined;
    if (entry.kind === 'kecamatan') geometry = kecamatan.features.find((f) => f.properties.kode === entry.id);
    else if (entry.kind === 'desa') {
      await this.desaLayer().catch(() => null);
      geometry = (this.desaAreas as unknown as GeoJSON.Feature[] | null)?.find(
        (f) => (f.properties as DesaProps).kode === entry.id,
      );
    }
    if (geometry) {
      const layer = L.geoJSON(geometry, {
        renderer: this.outlineRenderer,
        interactive: false,
        style: { className: 'search-outline', color: '#ffd33d', weight: 4, fill: false, dashArray: '8 5' },
      } as L.GeoJSONOptions);
      layer.eachLayer((l) => l.on('add', () => (l as L.Path).getElement()?.setAttribute('data-kode', entry.id)));
      layer.addTo(map);
      this.outline = layer;
      map.flyToBounds(layer.getBounds(), {
        padding: [40, 40],
        duration: 0.6,
        maxZoom: entry.kind === 'desa' ? 14 : 13,
      });
    } else {
      const ring = L.circleMarker([entry.lat, entry.lon], {
        renderer: this.outlineRenderer,
        interactive: false,
        radius: 16,
        className: 'search-outline',
        color: '#ffd33d',
        weight: 4,
        fill: false,
      });
      ring.on('add', () => ring.getElement()?.setAttribute('data-kode', entry.id));
      ring.addTo(map);
      this.outline = ring;
      map.flyTo([entry.lat, entry.lon], 15, { duration: 0.6 });
    }
  }

  remove(): void {
    this.clusters.remove();
    this.base.map.remove();
  }
}

function toggle(layer: L.Layer, on: boolean, map: L.Map): void {
  if (on && !map.hasLayer(layer)) layer.addTo(map);
  else if (!on && map.hasLayer(layer)) layer.remove();
}
