import { useHostQuery } from '../../shared/host-query';

/** Kept current by `sync.status` events; fetched once on mount. */
export function useSyncStatus() {
  return useHostQuery('sync.status', {}, { staleTime: Infinity });
}
