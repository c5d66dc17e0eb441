import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput } from '../../../src/common/host-api';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKeyPrefix } from '../../shared/query-keys';

export function useAccounts() {
  return useHostQuery('accounts.list', {}, { retry: false });
}

function useAccountMutation<N extends 'accounts.create' | 'accounts.update'>(name: N) {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput<N>) => host.request(name, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: hostKeyPrefix('accounts.list') });
    },
  });
}

export const useCreateAccount = () => useAccountMutation('accounts.create');
export const useUpdateAccount = () => useAccountMutation('accounts.update');
