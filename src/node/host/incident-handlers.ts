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
      const op = requireRole(conn, ['operator', 'supervisor'], 'edit incidents');
      const now = ctx.now().toISOString();
      const id = incident.id ?? randomUUID();
      const before = store.incidentRepo.get(id);
      if (incident.id && !before) throw new HostFailure('not_found', 'Insiden tidak dikenal / unknown incident.');
      const full = IncidentInput.safeParse({ ...incident, id, reportedAt: incident.reportedAt ?? before?.shown.reportedAt ?? now });
      if (!full.success) throw new HostFailure('invalid_input', issueDetails(full.error.issues).map((d) => `${d.field}: ${d.message}`).join('; '));
      const saved = store.incidentRepo.save(full.data, op.id, now);
      return { incident: saved };
    },
    'sites.list': ({ kind }) => ({ sites: store.sites(kind) }),
    'outbox.parked': () => ({ entries: store.outbox.parked() }),
    'outbox.dismiss': ({ id }, conn) => {
      requireRole(conn, ['operator', 'supervisor', 'presenter'], 'dismiss reviewed writes');
      if (!store.outbox.dismiss(id)) throw new HostFailure('not_found', 'Tidak ada entri itu / no such entry.');
      return {};
    },
  };
}
