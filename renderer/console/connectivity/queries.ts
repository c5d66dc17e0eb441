import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectivityFilter } from '../../../src/common/connectivity';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKeyPrefix } from '../../shared/query-keys';

/** The monitor's read, refreshed when the feed brings sites or statuses (and each minute, for the durations). */
export function useConnectivity(filter: ConnectivityFilter, enabled: boolean) {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return host.on('data.changed', ({ entities }) => {
      if (entities.includes('status') || entities.includes('site'))
        void client.invalidateQueries({ queryKey: hostKeyPrefix('connectivity.get') });
    });
  }, [host, client, enabled]);
  return useHostQuery('connectivity.get', filter, { enabled, refetchInterval: 60_000 });
}
