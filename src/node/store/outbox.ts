// The queue of operator writes waiting for the central API. Rows leave it only when the central side answered.
import type { Database } from 'better-sqlite3';
import type { Mutation, MutationResult } from '../../common/central-api';

export interface OutboxEntry { n: number; operatorId: string; mutation: Mutation }

interface Row { n: number; id: string; entity: string; op: string; base_version: number | null; data: string; client_time: string; operator_id: string }

export interface ParkedEntry {
  id: string; entity: string; recordId: string; state: 'rejected' | 'conflict'; error: string;
  yours: Record<string, unknown>; central: unknown; clientTime: string; operatorId: string;
}

export class Outbox {
  /** Per entity, what else must change when the central side answers (same transaction). */
  readonly settledHooks: Partial<Record<string, (recordId: string, result: MutationResult, entry: OutboxEntry) => void>> = {};

  constructor(private readonly db: Database) {}

  /** Call inside the transaction that makes the local change, so both commit or neither does. */
  add(m: Mutation, operatorId: string): void {
    this.db.prepare(`INSERT INTO outbox (id, entity, op, base_version, data, client_time, operator_id)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(m.id, m.entity, m.op, m.baseVersion ?? null, JSON.stringify(m.data), m.clientTime, operatorId);
  }

  /**
   * The oldest pending entries, in order, for one operator at a time (each call to the central side carries one
   * token), and no more than about `maxBytes` of data (always at least one entry). `after`: only entries queued
   * after that one (the ones before it are on their way).
   */
  nextBatch(limit: number, maxBytes = Infinity, after = 0): OutboxEntry[] {
    const rows = this.db.prepare(`SELECT n, id, entity, op, base_version, data, client_time, operator_id FROM outbox
      WHERE state = 'pending' AND n > ? ORDER BY n LIMIT ?`).all(after, limit) as Row[];
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
          id: r.id, entity: r.entity as Mutation['entity'], op: r.op as Mutation['op'],
          ...(r.base_version === null ? {} : { baseVersion: r.base_version }),
          data: JSON.parse(r.data) as Record<string, unknown>, clientTime: r.client_time,
        },
      });
    }
    return batch;
  }

  /** Operators whose entries wait, oldest first (to know which token the next push needs). */
  waitingOperators(): string[] {
    return (this.db.prepare(`SELECT operator_id FROM outbox WHERE state = 'pending' GROUP BY operator_id ORDER BY MIN(n)`)
      .all() as { operator_id: string }[]).map((r) => r.operator_id);
  }

  /** Settles a batch with the central answers, in one transaction with their effect on local records. */
  settle(batch: readonly OutboxEntry[], results: readonly MutationResult[]): void {
    const del = this.db.prepare('DELETE FROM outbox WHERE n = ?');
    const park = this.db.prepare('UPDATE outbox SET state = ?, error = ?, current = ?, attempts = attempts + 1 WHERE n = ?');
    const rejectDecision = this.db.prepare(`UPDATE decisions SET state = 'rejected', error = ? WHERE id = ? AND state = 'pending'`);
    this.db.transaction(() => {
      batch.forEach((entry, i) => {
        const r = results[i];
        if (!r || r.id !== entry.mutation.id) throw new Error(`the central answer does not match mutation ${entry.mutation.id}`);
        if (r.status === 'applied' || r.status === 'duplicate') {
          del.run(entry.n);
        } else {
          const why = r.status === 'conflict' ? 'conflict: the central record changed first' : `${r.error?.code ?? 'rejected'}: ${r.error?.message ?? ''}`;
          park.run(r.status === 'conflict' ? 'conflict' : 'rejected', why, r.current === undefined ? null : JSON.stringify(r.current), entry.n);
          if (entry.mutation.entity === 'decision') rejectDecision.run(why, String(entry.mutation.data.id));
        }
        this.settledHooks[entry.mutation.entity]?.(String(entry.mutation.data.id), r, entry);
      });
    })();
  }

  /** Writes the central side did not take: shown to the operator until they dismiss them, never retried by themselves. */
  parked(): ParkedEntry[] {
    const rows = this.db.prepare(`SELECT id, entity, state, error, data, current, client_time, operator_id FROM outbox
      WHERE state != 'pending' ORDER BY n DESC LIMIT 200`).all() as
      { id: string; entity: string; state: 'rejected' | 'conflict'; error: string | null; data: string; current: string | null; client_time: string; operator_id: string }[];
    return rows.map((r) => {
      const yours = JSON.parse(r.data) as Record<string, unknown>;
      return {
        id: r.id, entity: r.entity, recordId: String(yours.id), state: r.state, error: r.error ?? '',
        yours, central: r.current === null ? null : JSON.parse(r.current), clientTime: r.client_time, operatorId: r.operator_id,
      };
    });
  }

  dismiss(id: string): boolean {
    return this.db.prepare(`DELETE FROM outbox WHERE id = ? AND state != 'pending'`).run(id).changes > 0;
  }

  counts(): { pending: number; rejected: number } {
    const r = this.db.prepare(`SELECT SUM(state = 'pending') AS pending, SUM(state != 'pending') AS rejected FROM outbox`).get() as
      { pending: number | null; rejected: number | null };
    return { pending: r.pending ?? 0, rejected: r.rejected ?? 0 };
  }
}
