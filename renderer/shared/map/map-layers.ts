// The layers an operator toggles on the console map, and what each one draws. Leaflet owns the DOM here;
// React (console map panel) only flips switches and hands over data.
import * as L from 'leaflet';
import { SITE_KINDS, type Site, type SiteState } from '../../../src/common/entities';
import { STATE_COLOURS } from './site-layer';

export type SiteKind = (typeof SITE_KINDS)[number];
export const LAYER_IDS = [
  'regency',
  'kecamatan',
  'desa',
  'incidents',
  ...SITE_KINDS.map((k) => `site-${k}` as const),
] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export type LayerVisibility = Record<LayerId, boolean>;

export const DEFAULT_LAYERS: LayerVisibility = {
  regency: true,
  kecamatan: true,
  desa: true,
  incidents: true,
  'site-village': true,
  'site-opd': true,
  'site-tourism': true,
  'site-cctv': true,
  'site-facility': true,
};
/** Desa lines below this zoom would be a grey smear of 390 shapes. */
export const DESA_MIN_ZOOM = 11;

/** The ring around a site dot says what it is; the fill says its link state. */
export const KIND_RINGS: Record<SiteKind, { ring: string; radius: number }> = {
  village: { ring: '#0b1220', radius: 3.5 },
  opd: { ring: '#ffffff', radius: 6 },
  tourism: { ring: '#d2a8ff', radius: 6 },
  cctv: { ring: '#79c0ff', radius: 5 },
  facility: { ring: '#c9d1d9', radius: 5 },
};

export type SiteWithState = Site & { state: SiteState | null };

const SITE_PANE = 'nawa-sites';

export class SiteLayers {
  readonly groups = new Map<SiteKind, L.LayerGroup>();
  private readonly renderer: L.Canvas;

  constructor(
    private readonly map: L.Map,
    private readonly onSelect: (site: SiteWithState, at: L.LatLng) => void,
  ) {
    if (!map.getPane(SITE_PANE)) map.createPane(SITE_PANE).style.zIndex = '420';
    this.renderer = L.canvas({ pane: SITE_PANE, padding: 0.3 });
    for (const k of SITE_KINDS) this.groups.set(k, L.layerGroup());
  }

  setSites(sites: readonly SiteWithState[]): void {
    for (const g of this.groups.values()) g.clearLayers();
    const order: Record<string, number> = { up: 0, unknown: 1, degraded: 2, down: 3 };
    const sorted = [...sites].sort((a, b) => (order[a.state ?? 'unknown'] ?? 0) - (order[b.state ?? 'unknown'] ?? 0));
    for (const s of sorted) {
      const style = KIND_RINGS[s.kind];
      const dot = L.circleMarker([s.lat, s.lon], {
        renderer: this.renderer,
        radius: style.radius,
        color: style.ring,
        weight: s.kind === 'village' ? 1 : 2,
        fillColor: STATE_COLOURS[s.state ?? 'unknown'],
        fillOpacity: 0.95,
        bubblingMouseEvents: false,
      });
      dot.on('click', () => this.onSelect(s, dot.getLatLng()));
      dot.addTo(this.groups.get(s.kind)!);
    }
  }

  show(kind: SiteKind, on: boolean): void {
    const g = this.groups.get(kind)!;
    if (on) g.addTo(this.map);
    else g.remove();
  }
}
