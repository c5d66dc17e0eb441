// Incidents as circles on a base map, coloured by severity; popups are built from text nodes, never HTML strings.
import * as L from 'leaflet';
import type { IncidentView } from '../../../src/common/host-api';
import type { Translate } from '../i18n/translate';
import { kecamatanName } from './region-data';

export const SEVERITY_COLOURS: Record<number, string> = { 1: '#3fb950', 2: '#e3b341', 3: '#f0883e', 4: '#ff4d4f' };

export interface IncidentLayerOptions {
  t: Translate;
  /** Marker size multiplier: the wall is read from metres away. */
  scale?: number;
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  popups?: boolean;
}

function popupContent(i: IncidentView, t: Translate): HTMLElement {
  const root = document.createElement('div');
  root.className = 'incident-popup';
  const title = document.createElement('strong');
  title.textContent = i.title;
  root.append(title);
  const lines = [
    `${t('incident.sector')}: ${t(`sector.${i.sector}`)}`,
    `${t('incident.severity')}: ${t(`severity.${i.severity}` as 'severity.1')}`,
    `${t('incident.status')}: ${t(`status.${i.status}`)}`,
    `${t('incident.kecamatan')}: ${kecamatanName(i.districtCode)}`,
  ];
  for (const text of lines) {
    const line = document.createElement('div');
    line.textContent = text;
    root.append(line);
  }
  return root;
}

export function drawIncidents(
  group: L.LayerGroup,
  incidents: readonly IncidentView[],
  opts: IncidentLayerOptions,
): void {
  group.clearLayers();
  const scale = opts.scale ?? 1;
  // Severe ones last, so they are drawn on top.
  const ordered = [...incidents].sort((a, b) => a.severity - b.severity);
  for (const i of ordered) {
    const selected = i.id === opts.selectedId;
    const marker = L.circleMarker([i.lat, i.lon], {
      radius: (4 + i.severity * 2) * scale,
      color: selected ? '#ffffff' : '#0b1220',
      weight: (selected ? 3 : 1.5) * scale,
      fillColor: SEVERITY_COLOURS[i.severity] ?? '#cccccc',
      fillOpacity: 0.9,
      className: `incident-marker severity-${i.severity}`,
      interactive: Boolean(opts.popups || opts.onSelect),
    });
    marker.on('add', () => {
      const el = marker.getElement();
      el?.setAttribute('data-id', i.id);
      el?.setAttribute('data-severity', String(i.severity));
    });
    if (opts.popups) marker.bindPopup(() => popupContent(i, opts.t));
    if (opts.onSelect) marker.on('click', () => opts.onSelect?.(i.id));
    marker.addTo(group);
  }
}
