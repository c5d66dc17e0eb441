import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput } from '../../../src/common/host-api';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey } from '../../shared/query-keys';

const SESSION = hostKey('session.current', {});

export function useSession() {
  return useHostQuery('session.current', {}, { staleTime: Infinity });
}

export function useLogin() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<'session.login'>) => host.request('session.login', input),
    onSuccess: ({ operator }) => client.setQueryData(SESSION, { operator }),
  });
}

export function useLogout() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => host.request('session.logout', {}),
    onSettled: () => {
      // Nothing of the previous operator's view may linger for the next one.
      client.removeQueries({ predicate: (q) => q.queryKey[1] !== 'session.current' });
      client.setQueryData(SESSION, { operator: null });
    },
  });
}
