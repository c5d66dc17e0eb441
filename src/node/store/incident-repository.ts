// Operator edits of incidents. The edit waits beside the central record (local_data) with its outbox entry;
// the feed keeps the central record current underneath, and the central answer decides what stays.
import type { Database } from 'better-sqlite3';
import type { MutationResult } from '../../common/central-api';
import type { Incident, IncidentInput } from '../../common/entities';
import type { IncidentView } from '../../common/host-api';
import type { Outbox, OutboxEntry } from './outbox';

export class IncidentRepository {
  constructor(private readonly db: Database, private readonly outbox: Outbox) {}

  list(): IncidentView[] {
    const rows = this.db.prepare(`SELECT COALESCE(local_data, data) AS data, local_data IS NOT NULL AS pending FROM incidents
      ORDER BY json_extract(COALESCE(local_data, data), '$.severity') DESC, updated_at DESC`).all() as { data: string; pending: number }[];
    // The parsed row is fresh: set `pending` on it rather than copying every field into another object.
    return rows.map((r) => Object.assign(JSON.parse(r.data) as Incident, { pending: r.pending === 1 }));
  }

  get(id: string): { central: Incident | null; shown: Incident } | null {
    const row = this.db.prepare('SELECT data, local_data, version FROM incidents WHERE id = ?').get(id) as
      { data: string; local_data: string | null; version: number } | undefined;
    if (!row) return null;
    return { central: row.version > 0 ? (JSON.parse(row.data) as Incident) : null, shown: JSON.parse(row.local_data ?? row.data) as Incident };
  }

  /**
   * Records an edit (or a new incident) and its outbox entry in one transaction. Successive offline edits chain:
   * each expects the version the previous one will produce, so they apply in order or conflict together.
   * The base is taken from the last queued edit, never from counting queued edits over the pulled version: the
   * feed may already hold a queued edit's effect (its answer was lost), or an answer may come before the feed.
   */
  save(input: IncidentInput, operatorId: string, now: string): IncidentView {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT version, local_data FROM incidents WHERE id = ?').get(input.id) as
        { version: number; local_data: string | null } | undefined;
      const last = this.db.prepare(`SELECT base_version FROM outbox WHERE entity = 'incident' AND state = 'pending'
        AND json_extract(data, '$.id') = ? ORDER BY n DESC LIMIT 1`).get(input.id) as { base_version: number | null } | undefined;
      // The version the central side will hold before this edit: the one the last queued edit produces, else the
      // newest known (pulled, or answered to an applied edit).
      const expected = last ? (last.base_version ?? 0) + 1 : (existing?.version ?? 0);
      const shown: Incident = { ...input, updatedAt: now, version: Math.max(expected, 1) };
      if (existing) {
        this.db.prepare('UPDATE incidents SET local_data = ? WHERE id = ?').run(JSON.stringify(shown), input.id);
      } else {
        this.db.prepare('INSERT INTO incidents (id, data, version, updated_at, local_data) VALUES (?, ?, 0, ?, ?)')
          .run(input.id, JSON.stringify(shown), now, JSON.stringify(shown));
      }
      this.outbox.add({
        id: crypto.randomUUID(), entity: 'incident', op: 'upsert',
        ...(expected > 0 ? { baseVersion: expected } : {}),
        data: { ...input }, clientTime: now,
      }, operatorId);
      return { ...shown, pending: true };
    })();
  }

  /** Called inside Outbox.settle's transaction for each incident answer. */
  settled(incidentId: string, result: MutationResult, entry?: OutboxEntry): void {
    if ((result.status === 'applied' || result.status === 'duplicate') && result.version !== undefined && entry) {
      // Known now, before the feed brings it: the central record as this edit made it (the feed's copy replaces
      // it), so the next edit is based on this version and the operator never sees the older record meanwhile.
      const made = { ...entry.mutation.data, assignedOpd: entry.mutation.data.assignedOpd ?? null, updatedAt: entry.mutation.clientTime, version: result.version };
      this.db.prepare('UPDATE incidents SET data = ?, version = ? WHERE id = ? AND version < ?')
        .run(JSON.stringify(made), result.version, incidentId, result.version);
    }
    if (result.status === 'conflict' && result.current) {
      // The central record wins; the operator's edit stays in the outbox row for review.
      const c = result.current as Incident;
      this.db.prepare(`UPDATE incidents SET data = ?, version = ?, updated_at = ? WHERE id = ? AND version <= ?`)
        .run(JSON.stringify(c), c.version, c.updatedAt, incidentId, c.version);
    }
    const stillQueued = (this.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE entity = 'incident' AND state = 'pending'
      AND json_extract(data, '$.id') = ?`).get(incidentId) as { n: number }).n;
    if (stillQueued > 0 && result.status !== 'conflict') return;
    this.db.prepare('UPDATE incidents SET local_data = NULL WHERE id = ?').run(incidentId);
    // A new incident the central side refused never existed centrally.
    this.db.prepare('DELETE FROM incidents WHERE id = ? AND version = 0').run(incidentId);
  }
}
