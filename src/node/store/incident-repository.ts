// Operator edits of incidents. The `incidents` table is the central copy (the feed and central answers write it);
// an edit is its outbox row with the incident as the operator sees it, laid over that copy on every read, so the
// feed keeps the central record current underneath and the central answer decides what stays (outbox.ts).
import type { Incident, IncidentInput } from '../../common/entities';
import type { IncidentView } from '../../common/host-api';
import { incidentRecord } from '../../common/incident-record';
import type { Database } from 'better-sqlite3';
import type { Outbox } from './outbox';

export class IncidentRepository {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {}

  list(): IncidentView[] {
    const rows = this.db.prepare('SELECT id, data, updated_at FROM incidents').all() as {
      id: string;
      data: string;
      updated_at: string;
    }[];
    const overlays = this.outbox.overlays('incident');
    const shown: { view: IncidentView; at: string }[] = [];
    for (const r of rows) {
      const o = overlays.get(r.id);
      overlays.delete(r.id);
      // The parsed row is fresh: set `pending` on it rather than copying every field into another object.
      const view = Object.assign((o?.shown ?? JSON.parse(r.data)) as Incident, {
        pending: (o?.pendingWrites ?? 0) > 0,
      });
      shown.push({ view, at: r.updated_at });
    }
    // Incidents made here that the central side has not taken yet.
    for (const o of overlays.values()) {
      const view = Object.assign(o.shown as Incident, { pending: o.pendingWrites > 0 });
      shown.push({ view, at: view.updatedAt });
    }
    shown.sort((a, b) => b.view.severity - a.view.severity || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return shown.map((s) => s.view);
  }

  get(id: string): { central: Incident | null; shown: Incident } | null {
    const row = this.db.prepare('SELECT data FROM incidents WHERE id = ?').get(id) as { data: string } | undefined;
    const central = row ? (JSON.parse(row.data) as Incident) : null;
    const local = this.outbox.overlays('incident', id).get(id)?.shown as Incident | undefined;
    const shown = local ?? central;
    return shown ? { central, shown } : null;
  }

  /**
   * Records an edit (or a new incident) and its outbox entry in one transaction. Successive offline edits chain:
   * each expects the version the previous one will produce, so they apply in order or conflict together.
   * The base is taken from the last queued edit, never from counting queued edits over the pulled version: the
   * feed may already hold a queued edit's effect (its answer was lost), or an answer may come before the feed.
   */
  save(input: IncidentInput, operatorId: string, now: string): IncidentView {
    const row = this.db.prepare('SELECT version FROM incidents WHERE id = ?').get(input.id) as
      { version: number } | undefined;
    const shown = this.outbox.write({
      entity: 'incident',
      recordId: input.id,
      op: 'upsert',
      data: { ...input },
      clientTime: now,
      operatorId,
      knownVersion: row?.version,
      // The version the central side will hold before this edit: the one the last queued edit produces, else the
      // newest known (pulled, or answered to an applied edit).
      shown: (base) => incidentRecord(input, now, Math.max(base ?? 0, 1)),
    }) as Incident;
    return { ...shown, pending: true };
  }
}
