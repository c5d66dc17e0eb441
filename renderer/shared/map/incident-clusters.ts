// Incidents clustered with supercluster and drawn on Leaflet's canvas renderer: 10,000 of them cost a few
// hundred canvas circles per view, not 10,000 DOM nodes. The index is rebuilt only when the incidents change;
// a pan or zoom asks it for the clusters in view (on moveend, so a drag itself only moves the canvas).
import * as L from 'leaflet';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { IncidentView } from '../../../src/common/host-api';
import { SEVERITY_COLOURS } from './incident-layer';

interface PointProps {
  i: number;
  severity: number;
}
interface ClusterProps {
  maxSeverity: number;
}

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

  constructor(
    private readonly map: L.Map,
    private opts: ClusterLayerOptions = {},
  ) {
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '450';
    this.renderer = L.canvas({ pane: PANE, padding: 0.15 });
    this.index = new Supercluster<PointProps, ClusterProps>({
      radius: opts.radius ?? 48,
      maxZoom: 16,
      map: (p) => ({ maxSeverity: p.severity }),
      reduce: (acc, p) => {
        acc.maxSeverity = Math.max(acc.maxSeverity, p.maxSeverity);
      },
    });
    map.on('moveend', this.redraw);
  }

  setIncidents(incidents: readonly IncidentView[], selectedId: string | null = this.opts.selectedId ?? null): void {
    this.incidents = incidents;
    this.opts = { ...this.opts, selectedId };
    this.index.load(
      incidents.map((inc, i) => ({
        type: 'Feature',
        properties: { i, severity: inc.severity },
        geometry: { type: 'Point', coordinates: [inc.lon, inc.lat] },
      })),
    );
    this.draw();
  }

  show(on: boolean): void {
    if (on) this.group.addTo(this.map);
    else this.group.remove();
    this.publish();
  }

  /** What is drawn, on the map's element (canvas shapes are not in the DOM): for tests and the curious. */
  private publish(): void {
    const el = this.map.getContainer();
    const on = this.map.hasLayer(this.group);
    el.dataset.incidentClusters = String(on ? this.clusters : 0);
    el.dataset.incidentsShown = String(on ? this.lone : 0);
  }

  private clusters = 0;
  private lone = 0;

  /** Number of circles drawn in the current view (clusters and lone incidents). */
  drawn = 0;

  private draw(): void {
    this.group.clearLayers();
    const b = this.map.getBounds().pad(0.15);
    const zoom = Math.round(this.map.getZoom());
    const items = this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    // Lone severe ones last so they are on top.
    items.sort((a, c) => sev(a) - sev(c));
    this.clusters = 0;
    this.lone = 0;
    for (const f of items) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const p = f.properties as Partial<ClusterProperties> & Partial<PointProps> & Partial<ClusterProps>;
      if (p.cluster) {
        this.drawCluster(lat, lon, p.point_count ?? 0, p.maxSeverity ?? 1, p.cluster_id ?? 0);
        this.clusters++;
      } else if (p.i !== undefined) {
        this.drawIncident(this.incidents[p.i]!);
        this.lone++;
      }
    }
    this.drawn = items.length;
    this.publish();
  }

  private drawCluster(lat: number, lon: number, count: number, maxSeverity: number, clusterId: number): void {
    const radius = Math.min(30, 9 + Math.log2(count) * 3);
    const circle = new CountCircle(
      [lat, lon],
      {
        renderer: this.renderer,
        radius,
        color: '#0b1220',
        weight: 2,
        fillColor: SEVERITY_COLOURS[maxSeverity] ?? '#cccccc',
        fillOpacity: 0.85,
        bubblingMouseEvents: false,
      },
      count > 999 ? `${Math.round(count / 100) / 10}k` : String(count),
    );
    // A cluster zooms in to where it falls apart.
    circle.on('click', () =>
      this.map.flyTo([lat, lon], Math.min(this.index.getClusterExpansionZoom(clusterId), 17), { duration: 0.4 }),
    );
    circle.addTo(this.group);
  }

  private drawIncident(inc: IncidentView): void {
    const selected = inc.id === this.opts.selectedId;
    const marker = L.circleMarker([inc.lat, inc.lon], {
      renderer: this.renderer,
      radius: 4 + inc.severity * 2,
      color: selected ? '#ffffff' : '#0b1220',
      weight: selected ? 3 : 1.5,
      fillColor: SEVERITY_COLOURS[inc.severity] ?? '#cccccc',
      fillOpacity: 0.9,
      bubblingMouseEvents: false,
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

// A cluster's count is drawn on the same canvas as its circle: DOM labels (one per cluster) cost more on every
// redraw than all the circles together. Uses the canvas renderer's drawing hook of Leaflet 1.9 (pinned).
interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
}
class CountCircle extends L.CircleMarker {
  constructor(
    latlng: L.LatLngExpression,
    options: L.CircleMarkerOptions,
    private readonly label: string,
  ) {
    super(latlng, options);
  }

  _updatePath(): void {
    (L.CircleMarker.prototype as unknown as { _updatePath(this: L.CircleMarker): void })._updatePath.call(this);
    const self = this as unknown as { _renderer: CanvasInternals; _point: L.Point; _empty(): boolean };
    if (!self._renderer._drawing || self._empty()) return;
    const ctx = self._renderer._ctx;
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#0b1220';
    ctx.font = '800 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.label, self._point.x, self._point.y + 0.5);
  }
}
