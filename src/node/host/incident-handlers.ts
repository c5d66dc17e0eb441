// Operators edit incidents and review what the central side did not take. Writes go through the outbox.
import { randomUUID } from 'node:crypto';
import { IncidentInput } from '../../common/entities';
import { issueDetails } from '../../common/central-api';
import { checkIncidentWrite, isFalseReportClose } from '../../common/incident-lifecycle';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

export function incidentHandlers(ctx: HostContext): HandlersOf<'incidents.save' | 'sites.list' | 'outbox.parked' | 'outbox.dismiss'> {
  const { store, sync } = ctx;
  const changed = () => {
    ctx.emit('data.changed', { entities: ['incident'] });
    ctx.emit('sync.status', sync.status());
    sync.kick();
  };
  return {
    'incidents.save': ({ incident, reason }, conn) => {
      const op = requireRole(conn, ['operator', 'supervisor'], 'edit incidents');
      const now = ctx.now().toISOString();
      const id = incident.id ?? randomUUID();
      const before = store.incidentRepo.get(id);
      if (incident.id && !before) throw new HostFailure('not_found', 'Insiden tidak dikenal / unknown incident.');
      const full = IncidentInput.safeParse({ ...incident, id, reportedAt: incident.reportedAt ?? before?.shown.reportedAt ?? now });
      if (!full.success) throw new HostFailure('invalid_input', issueDetails(full.error.issues).map((d) => `${d.field}: ${d.message}`).join('; '));
      // The hub's lifecycle rules, applied here too, so an offline console queues only what the hub will take.
      const from = before?.shown.status ?? null;
      const opd = new Set(store.sites('opd').map((s) => s.id));
      const refusal = checkIncidentWrite(from, full.data, op.role, (s) => opd.has(s));
      if (refusal) throw new HostFailure(refusal.code, refusal.message);
      const falseReport = from !== null && isFalseReportClose(from, full.data.status);
      if (falseReport && !reason) throw new HostFailure('reason_required', 'Tulis alasan menutup laporan palsu / give the reason for closing a false report.');
      const saved = store.db.transaction(() => {
        const s = store.incidentRepo.save(full.data, op.id, now);
        if (reason) store.timelineRepo.addNote({ id: randomUUID(), incidentId: id, text: reason }, op.id, ctx.consoleId, now);
        return s;
      })();
      changed();
      return { incident: saved };
    },
    'sites.list': ({ kind }) => ({ sites: store.sites(kind) }),
    'outbox.parked': () => ({ entries: store.outbox.parked() }),
    'outbox.dismiss': ({ id }, conn) => {
      requireRole(conn, ['operator', 'supervisor', 'presenter'], 'dismiss reviewed writes');
      if (!store.outbox.dismiss(id)) throw new HostFailure('not_found', 'Tidak ada entri itu / no such entry.');
      ctx.emit('sync.status', sync.status());
      return {};
    },
  };
}
