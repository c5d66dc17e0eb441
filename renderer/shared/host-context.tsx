import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { NawaHost } from './host-types';

const HostContext = createContext<NawaHost | null>(null);

export function HostProvider({ host, children }: { host: NawaHost; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** For hooks only: components reach the host through feature hooks, never directly. */
export function useHost(): NawaHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostProvider');
  return host;
}

export function useHostConnected(): boolean {
  const host = useHost();
  return useSyncExternalStore(
    (cb) => host.onConnection(cb),
    () => host.connected,
  );
}
