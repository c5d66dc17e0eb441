// Operators edit incidents and review what the central side did not take. Writes go through the outbox.
import { randomUUID } from 'node:crypto';
import { IncidentInput } from '../../common/entities';
import { issueDetails } from '../../common/central-api';
import { checkIncidentWrite, isFalseReportClose } from '../../common/incident-lifecycle';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

export function incidentHandlers(
  ctx: HostContext,
): HandlersOf<'incidents.save' | 'sites.list' | 'outbox.parked' | 'outbox.dismiss'> {
  const { store } = ctx;
  return {
    'incidents.save': ({ incident, reason }, conn) => {
      const op = requireRole(conn, 'incidents.save');
      const now = ctx.now().toISOString();
      const id = incident.id ?? randomUUID();
      const before = store.incidentRepo.get(id);
      if (incident.id && !before)
        throw new HostFailure('not_found', 'unknown incident', undefined, { what: 'incident' });
      const full = IncidentInput.safeParse({
        ...incident,
        id,
        reportedAt: incident.reportedAt ?? before?.shown.reportedAt ?? now,
      });
      if (!full.success) {
        const details = issueDetails(full.error.issues);
        throw new HostFailure('invalid_input', details.map((d) => `${d.field}: ${d.message}`).join('; '), details, {
          fields: details.map((d) => d.field).join(', '),
        });
      }
      // The hub's lifecycle rules, applied here too, so an offline console queues only what the hub will take.
      const from = before?.shown.status ?? null;
      const opd = new Set(store.sites('opd').map((s) => s.id));
      // A console that has not pulled the OPD list yet leaves that check to the hub (a refusal comes back for review).
      const refusal = checkIncidentWrite(from, full.data, op.role, (s) => opd.size === 0 || opd.has(s));
      if (refusal) throw new HostFailure(refusal.code, refusal.message);
      const falseReport = from !== null && isFalseReportClose(from, full.data.status);
      if (falseReport && !reason) throw new HostFailure('reason_required', 'closing a false report needs its reason');
      const saved = store.transaction(() => {
        const s = store.incidentRepo.save(full.data, op.id, now);
        if (reason)
          store.timelineRepo.addNote({ id: randomUUID(), incidentId: id, text: reason }, op.id, ctx.consoleId, now);
        return s;
      });
      return { incident: saved };
    },
    'sites.list': ({ kind }) => ({ sites: store.sites(kind) }),
    'outbox.parked': () => ({ entries: store.outbox.parked() }),
    'outbox.dismiss': ({ id }, conn) => {
      requireRole(conn, 'outbox.dismiss');
      if (!store.outbox.dismiss(id))
        throw new HostFailure('not_found', 'no such outbox entry', undefined, { what: 'entry' });
      return {};
    },
  };
}
