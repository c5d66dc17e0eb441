// Where a place lands on each screen, for end-to-end tests that prove a spanning map is one picture: the same
// lat/lng must land exactly one screen step (screen size plus bezel) apart on neighbouring screens.
import { createContext, useContext } from 'react';
import type { Map as LeafletMap } from 'leaflet';

export interface MapProbe {
  /** CSS pixels from the top left of this screen (may lie outside it, on a neighbour's part of the map). */
  screenPoint(lat: number, lng: number): { x: number; y: number };
}

declare global {
  interface Window {
    /** The map drawn on each screen of this page, by wall number. */
    __nawaMaps?: Record<number, MapProbe>;
  }
}

/**
 * Which wall a component is drawn for (one per page, or each cell of a page that draws them all), and whether
 * its view is the one on show or a kept, hidden one (see kept-views.ts).
 */
export const WallScreenContext = createContext<{ wall: number; active: boolean } | null>(null);
export const useWallScreen = () => useContext(WallScreenContext);

export function exposeMap(wall: number | null, map: LeafletMap, el: HTMLElement): () => void {
  if (wall === null) return () => {};
  const maps = (window.__nawaMaps ??= {});
  const probe: MapProbe = {
    screenPoint(lat, lng) {
      const p = map.latLngToContainerPoint([lat, lng]);
      const box = el.getBoundingClientRect();
      const screen = el.closest('.wall-screen')?.getBoundingClientRect() ?? { left: 0, top: 0 };
      return { x: p.x + box.left - screen.left, y: p.y + box.top - screen.top };
    },
  };
  maps[wall] = probe;
  return () => {
    if (maps[wall] === probe) delete maps[wall];
  };
}
