// Operators edit incidents and review what the central side did not take. Writes go through the outbox.
import { randomUUID } from 'node:crypto';
import { IncidentInput } from '../../common/entities';
import { issueDetails } from '../../common/central-api';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

export function incidentHandlers(ctx: HostContext): HandlersOf<'incidents.save' | 'sites.list' | 'outbox.parked' | 'outbox.dismiss'> {
  const { store } = ctx;
  return {
    'incidents.save': ({ incident }, conn) => {
      const op = requireRole(conn, 'incidents.save');
      const now = ctx.now().toISOString();
      const id = incident.id ?? randomUUID();
      const before = store.incidentRepo.get(id);
      if (incident.id && !before) throw new HostFailure('not_found', 'unknown incident', undefined, { what: 'incident' });
      const full = IncidentInput.safeParse({ ...incident, id, reportedAt: incident.reportedAt ?? before?.shown.reportedAt ?? now });
      if (!full.success) {
        const details = issueDetails(full.error.issues);
        throw new HostFailure('invalid_input', details.map((d) => `${d.field}: ${d.message}`).join('; '), details, { fields: details.map((d) => d.field).join(', ') });
      }
      const saved = store.incidentRepo.save(full.data, op.id, now);
      return { incident: saved };
    },
    'sites.list': ({ kind }) => ({ sites: store.sites(kind) }),
    'outbox.parked': () => ({ entries: store.outbox.parked() }),
    'outbox.dismiss': ({ id }, conn) => {
      requireRole(conn, 'outbox.dismiss');
      if (!store.outbox.dismiss(id)) throw new HostFailure('not_found', 'no such outbox entry', undefined, { what: 'entry' });
      return {};
    },
  };
}
