import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput } from '../../../src/common/host-api';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKeyPrefix } from '../../shared/query-keys';

export function useOpdSites() {
  return useHostQuery('sites.list', { kind: 'opd' }, { staleTime: 60_000 });
}

export function useSaveIncident() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'incidents.save'>) => host.request('incidents.save', input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: hostKeyPrefix('incidents.list') });
      // The change waits in the outbox: it shows in the timeline (pending) and in search before the hub answers.
      void client.invalidateQueries({ queryKey: hostKeyPrefix('incidents.timeline') });
      void client.invalidateQueries({ queryKey: hostKeyPrefix('incidents.search') });
    },
  });
}

export function useParked() {
  return useHostQuery('outbox.parked', {});
}

export function useDismissParked() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => host.request('outbox.dismiss', { id }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: hostKeyPrefix('outbox.parked') });
    },
  });
}
