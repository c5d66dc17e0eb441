// The connectivity monitor: every watched site with its state, since when, uptime, and the outages grouped.
import type { HostContext } from './host-context';
import type { HandlersOf } from './handler-kit';

export function connectivityHandlers(ctx: HostContext): HandlersOf<'connectivity.get'> {
  return {
    'connectivity.get': (filter) => ctx.store.connectivity(filter, ctx.now()),
  };
}
