// Villages, OPD offices and places as small dots coloured by their link state: the connectivity of the regency
// at a glance. Drawn on canvas: hundreds of sites must not cost hundreds of DOM nodes on every wall.
import * as L from 'leaflet';
import type { SiteState } from '../../../src/common/entities';

export const STATE_COLOURS: Record<SiteState | 'unknown', string> = {
  up: '#3fb950',
  degraded: '#e3b341',
  down: '#ff4d4f',
  unknown: '#6e7681',
};

export interface SiteDot {
  id: string;
  lat: number;
  lon: number;
  state: SiteState | null;
}

const PANE = 'nawa-sites';
// One canvas per map, reused by every redraw: a renderer is a layer of the map and stays on it (with its canvas,
// the size of the map and more) after the dots drawn on it are gone, so a new one per redraw piled canvases up.
const renderers = new WeakMap<L.Map, L.Canvas>();

export function drawSites(group: L.LayerGroup, sites: readonly SiteDot[], scale: number, map: L.Map): void {
  group.clearLayers();
  // A pane under the overlay pane: an incident matters more than the link state of the village it is in.
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '350';
  let renderer = renderers.get(map);
  if (!renderer) renderers.set(map, (renderer = L.canvas({ padding: 0.2, pane: PANE })));
  // Down sites last, so they are on top where dots overlap.
  const order: Record<string, number> = { up: 0, unknown: 1, degraded: 2, down: 3 };
  for (const s of [...sites].sort((a, b) => (order[a.state ?? 'unknown'] ?? 0) - (order[b.state ?? 'unknown'] ?? 0))) {
    L.circleMarker([s.lat, s.lon], {
      renderer,
      radius: (s.state === 'down' ? 4 : 2.5) * scale,
      weight: 0,
      fillColor: STATE_COLOURS[s.state ?? 'unknown'],
      fillOpacity: 0.85,
      interactive: false,
    }).addTo(group);
  }
}
