// What the console verified of the decision log: pushed by `decisions.trust` events (a tamper alarm), and read
// again whenever decisions arrive (the watermark moves).
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useHost } from '../../shared/host-context';
import { useHostQuery } from '../../shared/host-query';
import { hostKey, hostKeyPrefix } from '../../shared/query-keys';

const TRUST = hostKey('decisions.trust', {});

export function useDecisionTrust() {
  const host = useHost();
  const client = useQueryClient();
  useEffect(() => {
    const offs = [
      host.on('decisions.trust', (trust) => client.setQueryData(TRUST, trust)),
      host.on('data.changed', ({ entities }) => {
        if (entities.includes('decision'))
          void client.invalidateQueries({ queryKey: hostKeyPrefix('decisions.trust') });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [host, client]);
  return useHostQuery('decisions.trust', {});
}
