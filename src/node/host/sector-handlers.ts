// The sector dashboards: KPIs and trends from the cache, a supervisor's thresholds through the outbox, the alerts.
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

export function sectorHandlers(
  ctx: HostContext,
): HandlersOf<
  'sectors.summary' | 'sectors.dashboard' | 'sectors.setThresholds' | 'sectors.alerts' | 'sectors.ackAlerts'
> {
  const { store } = ctx;
  return {
    'sectors.summary': () => ({ series: store.sectors.kpis() }),
    'sectors.dashboard': ({ sector, range }) => store.sectors.dashboard(sector, range, ctx.now()),
    'sectors.setThresholds': ({ seriesId, thresholds }, conn) => {
      const op = requireRole(conn, 'sectors.setThresholds');
      const kpi = store.sectors.setThresholds(seriesId, thresholds, op.id, ctx.now().toISOString());
      if (!kpi)
        throw new HostFailure('unknown_series', `no series ${seriesId} in this cache`, undefined, { id: seriesId });
      return { kpi };
    },
    'sectors.alerts': () => ctx.sectors.list(),
    'sectors.ackAlerts': ({ ids }, conn) => {
      requireRole(conn, 'sectors.ackAlerts');
      return ctx.sectors.acknowledge(ids);
    },
  };
}
