import { useHostQuery } from '../../shared/host-query';

export function useMapSites() {
  return useHostQuery('sites.list', {}, { staleTime: 10_000 });
}
