// The one local-write path. A write of any synced entity is one outbox row holding both the mutation for the
// central API and the optimistic local copy (`shown`) that every read lays over the central copy; both commit in
// one transaction. Rows leave the queue only when the central side answered, and one set of rules settles every
// answer (settle below); what differs per entity is declared in synced-entities.ts.
import type { Database, Statement } from 'better-sqlite3';
import type { Mutation, MutationResult } from '../../common/central-api';
import type { ParkedEntry } from '../../common/host-api';
import { Emitter } from '../../common/emitter';
import { SYNCED, keepParams, syncedEntity, type SyncedEntityName } from './synced-entities';

export interface OutboxEntry {
  n: number;
  operatorId: string;
  mutation: Mutation;
}

interface Row {
  n: number;
  id: string;
  entity: string;
  op: string;
  base_version: number | null;
  data: string;
  client_time: string;
  operator_id: string;
}

/** A local copy laid over the central one: the newest write of the record still waiting (or applied, not yet pulled). */
export interface Overlay {
  n: number;
  recordId: string;
  op: 'upsert' | 'delete';
  shown: unknown;
  state: 'pending' | 'applied';
  baseVersion: number | undefined;
  clientTime: string;
  operatorId: string;
}

/** A write as a repository makes it; the base version follows the entity's rule. */
export interface LocalWrite {
  id?: string;
  entity: SyncedEntityName;
  recordId: string;
  op: 'upsert' | 'delete';
  data: Record<string, unknown>;
  clientTime: string;
  operatorId: string;
  /** The base when no write of this record waits: the version of the central copy, if any. */
  knownVersion?: number;
  /** The local copy, made from the base version this write will carry; null for a deletion. */
  shown(baseVersion: number | undefined): unknown;
}

/** What the outbox announces: a local write (or a forgotten one) of a record, and a write dismissed from review. */
export interface OutboxEvents extends Record<string, unknown> {
  written: { entity: SyncedEntityName; recordId: string; op: 'upsert' | 'delete' };
  dismissed: { entity: string; id: string };
}

export class Outbox {
  readonly events = new Emitter<OutboxEvents>();

  /** prune() runs with every page of the feed: its statements are made once. */
  private pruneStatements: [string, Statement][] | null = null;

  constructor(private readonly db: Database) {}

  /** The local copy and its outbox row, in one transaction (nested in the caller's, if any). Returns the local copy. */
  write(w: LocalWrite): unknown {
    const shown = this.db.transaction(() => {
      const rule = SYNCED[w.entity].base;
      const waiting = rule === 'none' ? [] : this.waiting(w.entity, w.recordId);
      let base = w.knownVersion;
      if (rule === 'chain' && waiting.length > 0) base = (waiting[waiting.length - 1]!.baseVersion ?? 0) + 1;
      if (rule === 'replace' && waiting[0]) {
        base = waiting[0].baseVersion ?? (w.op === 'delete' ? base : undefined);
        this.dropRows(w.entity, w.recordId);
      }
      const shown = w.shown(base);
      this.db
        .prepare(
          `INSERT INTO outbox (id, entity, record_id, op, base_version, data, shown, client_time, operator_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          w.id ?? crypto.randomUUID(),
          w.entity,
          w.recordId,
          w.op,
          base ?? null,
          JSON.stringify(w.data),
          shown === null ? null : JSON.stringify(shown),
          w.clientTime,
          w.operatorId,
        );
      return shown;
    })();
    this.events.emit('written', { entity: w.entity, recordId: w.recordId, op: w.op });
    return shown;
  }

  /** The writes of one record still waiting to be sent, oldest first. */
  waiting(entity: SyncedEntityName, recordId: string): Overlay[] {
    return this.overlayRows(entity, recordId, `state = 'pending'`);
  }

  /** Forgets the waiting writes of a record (a layout deleted before it ever reached the central side). */
  drop(entity: SyncedEntityName, recordId: string): void {
    this.dropRows(entity, recordId);
    this.events.emit('written', { entity, recordId, op: 'delete' });
  }

  /** Per record, the local copy every read shows instead of the central one. */
  overlays(entity: SyncedEntityName, recordId?: string): Map<string, Overlay & { pendingWrites: number }> {
    const out = new Map<string, Overlay & { pendingWrites: number }>();
    for (const o of this.overlayRows(entity, recordId ?? null, `state IN ('pending', 'applied')`)) {
      const before = out.get(o.recordId)?.pendingWrites ?? 0;
      out.set(o.recordId, { ...o, pendingWrites: before + (o.state === 'pending' ? 1 : 0) });
    }
    return out;
  }

  /**
   * The oldest pending entries, in order, for one operator at a time (each call to the central side carries one
   * token), and no more than about `maxBytes` of data (always at least one entry). `after`: only entries queued
   * after that one (the ones before it are on their way).
   */
  nextBatch(limit: number, maxBytes = Infinity, after = 0): OutboxEntry[] {
    const rows = this.db
      .prepare(
        `SELECT n, id, entity, op, base_version, data, client_time, operator_id FROM outbox
      WHERE state = 'pending' AND n > ? ORDER BY n LIMIT ?`,
      )
      .all(after, limit) as Row[];
    const first = rows[0];
    if (!first) return [];
    const batch: OutboxEntry[] = [];
    let bytes = 0;
    for (const r of rows) {
      if (r.operator_id !== first.operator_id) break;
      // The envelope of one mutation adds about 200 bytes to its data.
      bytes += Buffer.byteLength(r.data) + 200;
      if (batch.length > 0 && bytes > maxBytes) break;
      batch.push({
        n: r.n,
        operatorId: r.operator_id,
        mutation: {
          id: r.id,
          entity: r.entity as Mutation['entity'],
          op: r.op as Mutation['op'],
          ...(r.base_version === null ? {} : { baseVersion: r.base_version }),
          data: JSON.parse(r.data) as Record<string, unknown>,
          clientTime: r.client_time,
        },
      });
    }
    return batch;
  }

  /** Operators whose entries wait, oldest first (to know which token the next push needs). */
  waitingOperators(): string[] {
    return (
      this.db
        .prepare(`SELECT operator_id FROM outbox WHERE state = 'pending' GROUP BY operator_id ORDER BY MIN(n)`)
        .all() as { operator_id: string }[]
    ).map((r) => r.operator_id);
  }

  /**
   * Settles a batch with the central answers, in one transaction, by the same rules for every entity:
   * applied or duplicate: the row leaves the queue, and the central copy becomes what the answer describes (a
   *   deletion forgets it); when only the feed can tell (decisions), the row stays `applied`, still shown, until
   *   the feed brings the record (prune);
   * conflict: the central record as the answer has it wins (none: forgotten), the write is parked for review;
   * rejected: the write is parked for review, the central copy untouched.
   * A parked write no longer shows over the central copy, so there is never anything to restore.
   */
  settle(batch: readonly OutboxEntry[], results: readonly MutationResult[]): void {
    const del = this.db.prepare('DELETE FROM outbox WHERE n = ?');
    const applied = this.db.prepare(`UPDATE outbox SET state = 'applied', attempts = attempts + 1 WHERE n = ?`);
    const park = this.db.prepare(
      'UPDATE outbox SET state = ?, error = ?, current = ?, attempts = attempts + 1 WHERE n = ?',
    );
    this.db.transaction(() => {
      batch.forEach((entry, i) => {
        const r = results[i];
        const m = entry.mutation;
        if (!r || r.id !== m.id) throw new Error(`the central answer does not match mutation ${m.id}`);
        const kind = syncedEntity(m.entity);
        const recordId = String(m.data.id);
        if (r.status === 'applied' || r.status === 'duplicate') {
          if (m.op === 'delete') this.forget(m.entity, recordId);
          const made = m.op === 'delete' ? null : (kind?.made(m, r) ?? null);
          if (made) this.keep(m.entity, made, false);
          if (m.op === 'upsert' && !made && kind) applied.run(entry.n);
          else del.run(entry.n);
          return;
        }
        const why =
          r.status === 'conflict'
            ? 'conflict: the central record changed first'
            : `${r.error?.code ?? 'rejected'}: ${r.error?.message ?? ''}`;
        park.run(
          r.status === 'conflict' ? 'conflict' : 'rejected',
          why,
          r.current === undefined ? null : JSON.stringify(r.current),
          entry.n,
        );
        if (r.status === 'conflict' && r.current === null) this.forget(m.entity, recordId);
        else if (r.status === 'conflict' && kind) {
          const current = kind.parse(r.current);
          if (current) this.keep(m.entity, current, true);
        }
      });
      this.prune();
    })();
  }

  /** Applied writes whose record the feed has brought: the central copy now says it all. Call after each page. */
  prune(): void {
    this.pruneStatements ??= Object.entries(SYNCED).map(([entity, kind]) => [
      entity,
      this.db.prepare(
        `DELETE FROM outbox WHERE entity = ? AND state = 'applied'
        AND EXISTS (SELECT 1 FROM ${kind.table} c WHERE c.id = outbox.record_id)`,
      ),
    ]);
    for (const [entity, statement] of this.pruneStatements) statement.run(entity);
  }

  /** Writes the central side did not take: shown to the operator until they dismiss them, never retried by themselves. */
  parked(): ParkedEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id, entity, record_id, state, error, data, current, client_time, operator_id FROM outbox
      WHERE state IN ('rejected', 'conflict') ORDER BY n DESC LIMIT 200`,
      )
      .all() as {
      id: string;
      entity: string;
      record_id: string;
      state: 'rejected' | 'conflict';
      error: string | null;
      data: string;
      current: string | null;
      client_time: string;
      operator_id: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      entity: r.entity,
      recordId: r.record_id,
      state: r.state,
      error: r.error ?? '',
      yours: JSON.parse(r.data) as Record<string, unknown>,
      central: r.current === null ? null : (JSON.parse(r.current) as unknown),
      clientTime: r.client_time,
      operatorId: r.operator_id,
    }));
  }

  /** Out of review; an entity that keeps refused writes in its own list (decisions) keeps the row as `dismissed`. */
  dismiss(id: string): boolean {
    const row = this.db
      .prepare(`SELECT n, entity FROM outbox WHERE id = ? AND state IN ('rejected', 'conflict')`)
      .get(id) as { n: number; entity: string } | undefined;
    if (!row) return false;
    if (syncedEntity(row.entity)?.keepsDismissed)
      this.db.prepare(`UPDATE outbox SET state = 'dismissed' WHERE n = ?`).run(row.n);
    else this.db.prepare('DELETE FROM outbox WHERE n = ?').run(row.n);
    this.events.emit('dismissed', { entity: row.entity, id });
    return true;
  }

  counts(): { pending: number; rejected: number } {
    const r = this.db
      .prepare(
        `SELECT SUM(state = 'pending') AS pending, SUM(state IN ('rejected', 'conflict')) AS rejected FROM outbox`,
      )
      .get() as { pending: number | null; rejected: number | null };
    return { pending: r.pending ?? 0, rejected: r.rejected ?? 0 };
  }

  /** Upserts a central copy (newest version wins; `orEqual`: the same version replaces too). */
  keep(entity: string, record: { id: string; version?: number }, orEqual: boolean): void {
    const kind = syncedEntity(entity);
    if (kind) this.db.prepare(kind.keepSql).run(keepParams(record, orEqual));
  }

  private dropRows(entity: SyncedEntityName, recordId: string): void {
    this.db
      .prepare(`DELETE FROM outbox WHERE entity = ? AND record_id = ? AND state = 'pending'`)
      .run(entity, recordId);
  }

  private forget(entity: string, recordId: string): void {
    const kind = syncedEntity(entity);
    if (kind) this.db.prepare(`DELETE FROM ${kind.table} WHERE id = ?`).run(recordId);
  }

  private overlayRows(entity: string, recordId: string | null, where: string): Overlay[] {
    const rows = this.db
      .prepare(
        `SELECT n, record_id, op, shown, state, base_version, client_time, operator_id FROM outbox
      WHERE entity = ? AND ${where} AND (? IS NULL OR record_id = ?) ORDER BY n`,
      )
      .all(entity, recordId, recordId) as {
      n: number;
      record_id: string;
      op: 'upsert' | 'delete';
      shown: string | null;
      state: 'pending' | 'applied';
      base_version: number | null;
      client_time: string;
      operator_id: string;
    }[];
    return rows.map((r) => ({
      n: r.n,
      recordId: r.record_id,
      op: r.op,
      shown: r.shown === null ? null : (JSON.parse(r.shown) as unknown),
      state: r.state,
      baseVersion: r.base_version ?? undefined,
      clientTime: r.client_time,
      operatorId: r.operator_id,
    }));
  }
}
