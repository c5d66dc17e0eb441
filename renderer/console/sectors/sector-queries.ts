import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Sector } from '../../../src/common/entities';
import type { RequestInput } from '../../../src/common/host-api';
import type { TrendRange } from '../../../src/common/sector-api';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey, hostKeyPrefix } from '../../shared/query-keys';

export function useSectorSummary() {
  return useHostQuery('sectors.summary', {});
}

export function useSectorDashboard(sector: Sector, range: TrendRange, enabled = true) {
  return useHostQuery('sectors.dashboard', { sector, range }, { enabled, placeholderData: (previous) => previous });
}

export function useSectorAlerts() {
  return useHostQuery('sectors.alerts', {});
}

export function useSetThresholds() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'sectors.setThresholds'>) => host.request('sectors.setThresholds', input),
    onSuccess: () => {
      for (const name of ['sectors.summary', 'sectors.dashboard', 'sectors.alerts'] as const)
        void client.invalidateQueries({ queryKey: hostKeyPrefix(name) });
    },
  });
}

export function useAckAlerts() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => host.request('sectors.ackAlerts', { ids }),
    onSuccess: (alerts) => client.setQueryData(hostKey('sectors.alerts', {}), alerts),
  });
}
