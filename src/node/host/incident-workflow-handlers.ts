// The incident workflow of v1.1 through the host: timeline, notes (through the outbox), FTS search, the SLA policy.
import { randomUUID } from 'node:crypto';
import { loadSlaPolicy } from './sla-settings';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

type Names = 'incidents.timeline' | 'incidents.addNote' | 'incidents.search' | 'incidents.sla';

export function incidentWorkflowHandlers(ctx: HostContext): HandlersOf<Names> {
  const { store } = ctx;
  // Read once at start: a bad settings file fails the host's start with its name, not the first request.
  const sla = loadSlaPolicy();
  return {
    'incidents.timeline': ({ id }) => ({ entries: store.timelineRepo.timeline(id) }),
    'incidents.addNote': ({ incidentId, text }, conn) => {
      const op = requireRole(conn, 'incidents.addNote');
      if (!store.incidentRepo.get(incidentId))
        throw new HostFailure('not_found', 'unknown incident', undefined, { what: 'incident' });
      const entry = store.timelineRepo.addNote(
        { id: randomUUID(), incidentId, text },
        op.id,
        ctx.consoleId,
        ctx.now().toISOString(),
      );
      return { entry };
    },
    'incidents.search': ({ query }) => ({ ids: store.timelineRepo.search(query) }),
    'incidents.sla': () => sla,
  };
}
