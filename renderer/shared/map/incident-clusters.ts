// Incidents clustered with supercluster and drawn on Leaflet's canvas renderer: 10,000 of them cost a few
// hundred canvas circles per view, not 10,000 DOM nodes. The index is rebuilt only when the incidents change;
// a pan or zoom asks it for the clusters in view (on moveend, so a drag itself only moves the canvas).
import * as L from 'leaflet';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { IncidentView } from '../../../src/common/host-api';
import { SEVERITY_COLOURS } from './incident-layer';

interface PointProps { i: number; severity: number }
interface ClusterProps { maxSeverity: number }

export interface ClusterLayerOptions {
  onSelect?: (incident: IncidentView, at: L.LatLng) => void;
  selectedId?: string | null;
  /** Supercluster's radius in pixels; one incident alone below this distance is drawn as itself. */
  radius?: number;
}

const PANE = 'nawa-incidents';

export class IncidentClusterLayer {
  readonly group = L.layerGroup();
  private readonly index: Supercluster<PointProps, ClusterProps>;
  private incidents: readonly IncidentView[] = [];
  private readonly renderer: L.Canvas;
  private readonly redraw = () => this.draw();

  constructor(private readonly map: L.Map, private opts: ClusterLayerOptions = {}) {
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '450';
    this.renderer = L.canvas({ pane: PANE, padding: 0.3 });
    this.index = new Supercluster<PointProps, ClusterProps>({
      radius: opts.radius ?? 48, maxZoom: 16,
      map: (p) => ({ maxSeverity: p.severity }),
      reduce: (acc, p) => { acc.maxSeverity = Math.max(acc.maxSeverity, p.maxSeverity); },
    });
    map.on('moveend', this.redraw);
  }

  setIncidents(incidents: readonly IncidentView[], selectedId: string | null = this.opts.selectedId ?? null): void {
    this.incidents = incidents;
    this.opts = { ...this.opts, selectedId };
    this.index.load(incidents.map((inc, i) => ({
      type: 'Feature', properties: { i, severity: inc.severity }, geometry: { type: 'Point', coordinates: [inc.lon, inc.lat] },
    })));
    this.draw();
  }

  show(on: boolean): void {
    if (on) this.group.addTo(this.map); else this.group.remove();
  }

  /** Number of circles drawn in the current view (clusters and lone incidents). */
  drawn = 0;

  private draw(): void {
    this.group.clearLayers();
    const b = this.map.getBounds().pad(0.3);
    const zoom = Math.round(this.map.getZoom());
    const items = this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    // Lone severe ones last so they are on top.
    items.sort((a, c) => sev(a) - sev(c));
    for (const f of items) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const p = f.properties as Partial<ClusterProperties> & Partial<PointProps> & Partial<ClusterProps>;
      if (p.cluster) this.drawCluster(lat, lon, p.point_count ?? 0, p.maxSeverity ?? 1, p.cluster_id ?? 0);
      else if (p.i !== undefined) this.drawIncident(this.incidents[p.i]!);
    }
    this.drawn = items.length;
  }

  private drawCluster(lat: number, lon: number, count: number, maxSeverity: number, clusterId: number): void {
    const radius = Math.min(30, 9 + Math.log2(count) * 3);
    const circle = L.circleMarker([lat, lon], {
      renderer: this.renderer, radius, color: '#0b1220', weight: 2, fillColor: SEVERITY_COLOURS[maxSeverity] ?? '#cccccc', fillOpacity: 0.85, bubblingMouseEvents: false,
    });
    // A cluster zooms in to where it falls apart.
    circle.on('click', () => this.map.flyTo([lat, lon], Math.min(this.index.getClusterExpansionZoom(clusterId), 17), { duration: 0.4 }));
    circle.addTo(this.group);
    // The count is text: a small DOM label, one per cluster in view (tens), never one per incident.
    L.marker([lat, lon], {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'incident-cluster', html: '', iconSize: [radius * 2, radius * 2] }),
    }).on('add', (e) => {
      const el = (e.target as L.Marker).getElement();
      if (el) { el.textContent = count > 999 ? `${Math.round(count / 100) / 10}k` : String(count); el.dataset.count = String(count); }
    }).addTo(this.group);
  }

  private drawIncident(inc: IncidentView): void {
    const selected = inc.id === this.opts.selectedId;
    const marker = L.circleMarker([inc.lat, inc.lon], {
      renderer: this.renderer, radius: 4 + inc.severity * 2, color: selected ? '#ffffff' : '#0b1220', weight: selected ? 3 : 1.5,
      fillColor: SEVERITY_COLOURS[inc.severity] ?? '#cccccc', fillOpacity: 0.9, bubblingMouseEvents: false,
    });
    marker.on('click', () => this.opts.onSelect?.(inc, marker.getLatLng()));
    marker.addTo(this.group);
  }

  remove(): void {
    this.map.off('moveend', this.redraw);
    this.group.remove();
  }
}

function sev(f: { properties: unknown }): number {
  const p = f.properties as Partial<PointProps & ClusterProps & { cluster: boolean }>;
  return p.cluster ? 0 : (p.severity ?? 0);
}
