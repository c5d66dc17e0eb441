// The connectivity monitor: every watched site with its state, since when, uptime, and the outages grouped.
import type { HostContext } from './host-context';
import type { HandlersOf } from './handler-kit';
import { readConnectivity } from '../store/connectivity-query';

export function connectivityHandlers(ctx: HostContext): HandlersOf<'connectivity.get'> {
  return {
    'connectivity.get': (filter) => readConnectivity(ctx.store.db, ctx.store.statusHistory, filter, ctx.now()),
  };
}
