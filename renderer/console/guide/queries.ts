import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey } from '../../shared/query-keys';

/** Whether the operator logged in has seen the guide on this console (the host keeps it; logout clears the cache). */
export function useGuideState() {
  return useHostQuery('guide.get', {}, { staleTime: Infinity, retry: 1 });
}

export function useSetGuideSeen() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seen: boolean) => host.request('guide.set', { seen }),
    onSuccess: (state) => client.setQueryData(hostKey('guide.get', {}), state),
  });
}
