// react-query over the host contract, and the bridge that keeps its cache in step with host events.
import { useEffect } from 'react';
import { useQuery, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { RequestInput, RequestName, RequestOutput, WallState } from '../../src/common/host-api';
import { useHost } from './host-context';
import { hostKey, hostKeyPrefix, queriesTouchedBy } from './query-keys';

type HostQueryOptions<N extends RequestName> = Omit<
  UseQueryOptions<RequestOutput<N>, Error, RequestOutput<N>, ReturnType<typeof hostKey<N>>>,
  'queryKey' | 'queryFn'
>;

export function useHostQuery<N extends RequestName>(name: N, input: RequestInput<N>, options?: HostQueryOptions<N>) {
  const host = useHost();
  return useQuery({ ...options, queryKey: hostKey(name, input), queryFn: () => host.request(name, input) });
}

/** A newer wall state replaces an older one, never the reverse (events and answers may cross). */
export function newerWallState(old: WallState | undefined, next: WallState): WallState {
  return old && old.stateVersion > next.stateVersion ? old : next;
}

/** Subscribes the cache to host events; after a reconnect everything cached is refetched (events were missed). */
export function useHostEventBridge(client: QueryClient): void {
  const host = useHost();
  useEffect(() => {
    const offs = [
      host.on('data.changed', ({ entities }) => {
        for (const name of queriesTouchedBy(entities)) void client.invalidateQueries({ queryKey: hostKeyPrefix(name) });
      }),
      host.on('sync.status', (status) => client.setQueryData(hostKey('sync.status', {}), status)),
      host.on('wall.status', (status) => client.setQueryData(hostKey('wall.status', {}), status)),
      host.on('sectors.alerts', (alerts) => client.setQueryData(hostKey('sectors.alerts', {}), alerts)),
      host.on('wall.state', (state) =>
        client.setQueryData<WallState>(hostKey('wall.state', {}), (old) => newerWallState(old, state)),
      ),
      host.onConnection((connected) => {
        if (connected) void client.invalidateQueries({ queryKey: ['host'] });
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [host, client]);
}
