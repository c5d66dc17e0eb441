// The page `npm run bench -- map` loads (built by bench/map-render.ts, not part of dist/): the console's base
// map with N incidents, either through the clustered canvas layer the console uses or as one L.marker each.
import * as L from 'leaflet';
import type { IncidentView } from '../../src/common/host-api';
import { createBaseMap } from '../shared/map/base-map';
import { IncidentClusterLayer } from '../shared/map/incident-clusters';
import { SEVERITY_COLOURS } from '../shared/map/incident-layer';

interface BenchWindow {
  __bench?: { firstRenderMs: number; drawn: number };
  __frames?: { start(): void; stop(): number[] };
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'dom' ? 'dom' : 'cluster';
const n = Number(params.get('n') ?? 10_000);

// Deterministic points over the regency's extent (a small LCG: the same picture on every run).
let seed = 3507;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const incidents: IncidentView[] = Array.from({ length: n }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  title: `Insiden ${i}`,
  sector: 'disaster',
  severity: 1 + Math.floor(rand() * 4),
  status: 'reported',
  districtCode: '35.07.13',
  lat: -8.42 + rand() * 0.62,
  lon: 112.3 + rand() * 0.62,
  assignedOpd: null,
  reportedAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  pending: false,
}));

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

async function main(): Promise<void> {
  const base = createBaseMap(document.getElementById('map')!, { interactive: true, showKecamatan: true });
  base.map.fitBounds(base.bounds, { animate: false });
  await frame();
  await frame();
  const t0 = performance.now();
  let drawn = n;
  if (mode === 'cluster') {
    const layer = new IncidentClusterLayer(base.map);
    layer.setIncidents(incidents);
    layer.show(true);
    drawn = layer.drawn;
  } else {
    const group = L.layerGroup();
    for (const i of incidents) {
      L.marker([i.lat, i.lon], {
        icon: L.divIcon({
          className: 'dom-marker',
          iconSize: [10, 10],
          html: `<div style="width:10px;height:10px;border-radius:50%;background:${SEVERITY_COLOURS[i.severity]}"></div>`,
        }),
      }).addTo(group);
    }
    group.addTo(base.map);
  }
  // Two frames: the one that lays out and paints the markers, and the next that shows it.
  await frame();
  await frame();
  (window as BenchWindow).__bench = { firstRenderMs: performance.now() - t0, drawn };
}

let recording: number[] | null = null;
let last = 0;
const tick = (now: number) => {
  if (!recording) return;
  if (last) recording.push(now - last);
  last = now;
  requestAnimationFrame(tick);
};
(window as BenchWindow).__frames = {
  start() {
    recording = [];
    last = 0;
    requestAnimationFrame(tick);
  },
  stop() {
    const r = recording ?? [];
    recording = null;
    return r;
  },
};

void main();
