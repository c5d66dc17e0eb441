import type { Sector } from '../../src/common/entities';
import { useHostQuery } from '../shared/host-query';

export const WALL_DECISIONS = 30;

export function useWallIncidents(enabled = true) {
  return useHostQuery('incidents.list', {}, { enabled });
}

export function useWallOverview() {
  return useHostQuery('overview.get', {});
}

export function useWallDecisions() {
  return useHostQuery('decisions.list', { limit: WALL_DECISIONS });
}

export function useWallSites(enabled = true) {
  return useHostQuery('sites.list', {}, { enabled });
}

/** A sector tile's KPIs with the last 24 hours of readings (asked only while the layout on the wall shows one). */
export function useWallSector(sector: Sector) {
  return useHostQuery('sectors.dashboard', { sector, range: '24h' }, { placeholderData: (previous) => previous });
}
