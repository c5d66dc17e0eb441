// The console's map panel: Leaflet owns the map's DOM (console-map-view.ts); React hands it data and
// switches, and draws the search, the legend and the form for an incident at a clicked point. The connectivity
// monitor is a view of its own (console shell); a site picked there comes back here as `focus`.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { IncidentView } from '../../../src/common/host-api';
import type { PlaceEntry } from '../../../src/common/geo/place-search';
import { useT } from '../../shared/i18n';
import { ConsoleMapView, type PointInfo } from '../../shared/map/console-map-view';
import { useTileSource } from '../../shared/map/base-tiles';
import { DEFAULT_LAYERS, type LayerVisibility } from '../../shared/map/map-layers';
import { buildPlaceIndex } from '../../shared/map/place-index';
import { canRecordDecisions } from '../session/roles';
import { MapCreateForm } from './map-create-form';
import { MapLegend } from './map-legend';
import { MapSearch } from './map-search';
import { useMapSites } from './queries';
import './map.css';

interface Props {
  operator: OperatorInfo;
  incidents: readonly IncidentView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** A place to fly to, asked for from another view (a site in the connectivity monitor); a new object each time. */
  focus?: PlaceEntry | null;
}

export function MapPanel({ operator, incidents, selectedId, onSelect, focus = null }: Props) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  const view = useRef<ConsoleMapView | null>(null);
  const [layers, setLayers] = useState<LayerVisibility>(DEFAULT_LAYERS);
  const [draft, setDraft] = useState<PointInfo | null>(null);
  const sites = useMapSites().data?.sites;
  const tileSource = useTileSource();
  const index = useMemo(() => buildPlaceIndex(sites ?? []), [sites]);
  const latest = useRef({ onSelect, canCreate: canRecordDecisions(operator.role) });
  latest.current = { onSelect, canCreate: canRecordDecisions(operator.role) };

  useEffect(() => {
    if (!el.current) return;
    const v = new ConsoleMapView(el.current, t, {
      onSelectIncident: (id) => latest.current.onSelect(id),
      onCreateAt: (p) => setDraft(p),
      canCreate: () => latest.current.canCreate,
    });
    view.current = v;
    const resize = new ResizeObserver(() => v.base.map.invalidateSize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      v.remove();
      view.current = null;
    };
    // Built once: language and data reach it through the effects below.
  }, []);

  useEffect(() => {
    view.current?.setTranslate(t);
  }, [t]);
  useEffect(() => {
    view.current?.setIncidents(incidents, selectedId);
  }, [incidents, selectedId]);
  useEffect(() => {
    if (sites) view.current?.setSites(sites);
  }, [sites]);
  useEffect(() => {
    view.current?.setLayers(layers);
  }, [layers]);
  useEffect(() => {
    view.current?.setBaseTiles(tileSource);
  }, [tileSource]);
  useEffect(() => {
    if (focus) void view.current?.focus(focus);
  }, [focus]);

  const pick = (entry: PlaceEntry) => {
    void view.current?.focus(entry);
  };

  return (
    <div className="map-panel-body">
      <div className="map-tools">
        <MapSearch index={index} onPick={pick} />
      </div>
      <div className="map-stage">
        <div ref={el} className="incident-map" role="region" aria-label={t('map.label')} />
        <MapLegend layers={layers} onChange={setLayers} />
        {draft?.kecamatan && (
          <MapCreateForm
            point={draft}
            onClose={() => setDraft(null)}
            onCreated={(id) => {
              setDraft(null);
              onSelect(id);
            }}
          />
        )}
      </div>
    </div>
  );
}
