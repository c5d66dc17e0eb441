// react-query hooks for the update status (pushed by `updates.status` events) and the about box.
import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey } from '../../shared/query-keys';

const STATUS = hostKey('updates.status', {});

export function useUpdateStatus() {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => host.on('updates.status', (status) => client.setQueryData(STATUS, status)), [host, client]);
  return useHostQuery('updates.status', {}, { staleTime: Infinity });
}

/** Asked when the about box opens: the central side's version may have changed since. */
export function useAbout(enabled: boolean) {
  return useHostQuery('app.about', {}, { enabled, staleTime: 0 });
}

export function useApproveUpdate() {
  const host = useHost();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: string) => host.request('updates.approve', { version }),
    onSuccess: (status) => client.setQueryData(STATUS, status),
  });
}
