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
