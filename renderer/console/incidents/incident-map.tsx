import { useEffect, useRef } from 'react';
import type { IncidentView } from '../../../src/common/host-api';
import { useT } from '../../shared/i18n';
import { createBaseMap, type BaseMap } from '../../shared/map/base-map';
import { drawIncidents } from '../../shared/map/incident-layer';

interface Props {
  incidents: readonly IncidentView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Leaflet owns the map's DOM; React only hands it data. */
export function IncidentMap({ incidents, selectedId, onSelect }: Props) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  const base = useRef<BaseMap | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!el.current) return;
    const b = createBaseMap(el.current, { interactive: true, showKecamatan: true });
    b.map.fitBounds(b.bounds, { padding: [8, 8] });
    base.current = b;
    const resize = new ResizeObserver(() => b.map.invalidateSize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      b.map.remove();
      base.current = null;
    };
  }, []);

  useEffect(() => {
    if (!base.current) return;
    drawIncidents(base.current.incidents, incidents, { t, selectedId, popups: true, onSelect: (id) => select.current(id) });
  }, [incidents, selectedId, t]);

  return <div ref={el} className="incident-map" role="region" aria-label={t('map.label')} />;
}
