// Popup bodies of the console map, built from text nodes (never HTML strings: names come from the feed).
import type { IncidentView } from '../../../src/common/host-api';
import type { Translate } from '../i18n/translate';
import type { PointInfo } from './console-map-view';
import type { SiteWithState } from './map-layers';
import { kecamatanName } from './region-data';

function box(className: string, title: string, lines: string[]): HTMLElement {
  const root = document.createElement('div');
  root.className = className;
  const head = document.createElement('strong');
  head.textContent = title;
  root.append(head);
  for (const text of lines) {
    const line = document.createElement('div');
    line.textContent = text;
    root.append(line);
  }
  return root;
}

export function incidentPopup(i: IncidentView, t: Translate): HTMLElement {
  return box('incident-popup', i.title, [
    `${t('incident.sector')}: ${t(`sector.${i.sector}`)}`,
    `${t('incident.severity')}: ${t(`severity.${i.severity}` as 'severity.1')}`,
    `${t('incident.status')}: ${t(`status.${i.status}`)}`,
    `${t('incident.kecamatan')}: ${kecamatanName(i.districtCode)}`,
  ]);
}

export function sitePopup(s: SiteWithState, t: Translate): HTMLElement {
  const el = box('site-popup', s.name, [
    `${t('mapLayer.kind')}: ${t(`siteKind.${s.kind}`)}`,
    `${t('mapLayer.linkState')}: ${t(`overview.${s.state ?? 'unknown'}`)}`,
    ...(s.districtCode ? [`${t('incident.kecamatan')}: ${kecamatanName(s.districtCode)}`] : []),
  ]);
  el.dataset.siteId = s.id;
  return el;
}

export function pointPopup(p: PointInfo, t: Translate, create: (() => void) | null): HTMLElement {
  const lines = p.kecamatan
    ? [`${t('incident.kecamatan')}: ${p.kecamatan.nama}`, ...(p.desa ? [`${t('mapPoint.desa')}: ${p.desa.nama}`] : [])]
    : [t('mapPoint.outside')];
  lines.push(`${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`);
  const el = box('point-popup', t('mapPoint.title'), lines);
  if (create) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = t('mapPoint.create');
    button.addEventListener('click', create);
    el.append(button);
  }
  return el;
}
