import * as L from 'leaflet';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TileSource } from '../../../src/common/layout';
import { useT } from '../../shared/i18n';
import { createBaseMap, setBaseTiles, type BaseMap } from '../../shared/map/base-map';
import { useTileSource } from '../../shared/map/base-tiles';
import { drawIncidents } from '../../shared/map/incident-layer';
import { drawSites } from '../../shared/map/site-layer';
import { useWallIncidents, useWallSites } from '../queries';
import { isOpen } from '../../shared/incident-order';
import { exposeMap, useWallScreen } from '../map-probe';

type MapSource = Extract<TileSource, { kind: 'map' }>;

/**
 * Every screen of a spanning map builds the same map over the whole canvas (same size, centre, zoom), so the
 * projection matches and the screens join into one picture.
 */
export function MapTile({
  source,
  width,
  height,
  screenHeight,
}: {
  source: MapSource;
  width: number;
  height: number;
  screenHeight: number;
}) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  const base = useRef<BaseMap | null>(null);
  const showIncidents = source.layers.includes('incidents');
  const incidents = useWallIncidents(showIncidents);
  const [lat, lon] = source.center;
  const showKecamatan = source.layers.includes('kecamatan');
  const showSites = source.layers.includes('sites');
  const sites = useWallSites(showSites);
  const sitesLayer = useRef<L.LayerGroup | null>(null);
  const screen = useWallScreen();
  const wall = screen?.wall ?? null;
  const active = screen?.active ?? false;
  const tileSource = useTileSource();

  // Built in the commit, so the acknowledgement after the next frame covers a drawn map.
  useLayoutEffect(() => {
    if (!el.current) return;
    const b = createBaseMap(el.current, { interactive: false, showKecamatan });
    b.map.setView([lat, lon], source.zoom, { animate: false });
    base.current = b;
    return () => {
      b.map.remove();
      base.current = null;
    };
  }, [lat, lon, source.zoom, showKecamatan, width, height]);

  useEffect(() => {
    if (base.current) setBaseTiles(base.current, tileSource);
  }, [tileSource, lat, lon, source.zoom, showKecamatan, width, height]);

  // Only the map on show answers for its wall; a kept, hidden one stays quiet.
  useLayoutEffect(() => {
    if (!active || !base.current || !el.current) return;
    return exposeMap(wall, base.current.map, el.current);
  }, [active, wall, lat, lon, source.zoom, showKecamatan, width, height]);

  const list = incidents.data?.incidents;
  useEffect(() => {
    if (!base.current) return;
    const open = showIncidents && list ? list.filter(isOpen) : [];
    drawIncidents(base.current.incidents, open, { t, scale: Math.max(1, screenHeight / 540) });
  }, [list, showIncidents, t, screenHeight, lat, lon, source.zoom, showKecamatan, width, height]);

  const siteList = sites.data?.sites;
  useEffect(() => {
    const b = base.current;
    if (!b) return;
    sitesLayer.current?.remove();
    sitesLayer.current = null;
    if (!showSites || !siteList) return;
    const group = L.layerGroup().addTo(b.map);
    drawSites(group, siteList, Math.max(1, screenHeight / 540), b.map);
    sitesLayer.current = group;
  }, [siteList, showSites, screenHeight, lat, lon, source.zoom, showKecamatan, width, height]);

  return <div ref={el} className="map-tile" style={{ width, height }} role="img" aria-label={t('map.label')} />;
}
