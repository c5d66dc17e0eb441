// The hub's SQLite file: an append-only change log with its seq, the current records, and their bookkeeping.
import type Database from 'better-sqlite3';
import type { EntityName } from '../../common/central-api';
import { openSqliteFile } from '../base/sqlite-file';
import { HUB_MIGRATIONS } from './migrations';

export interface ChangeRow {
  seq: number;
  entity: EntityName;
  id: string;
  op: 'upsert' | 'delete';
  version: number;
  data: string;
}
export interface StoredRecord {
  version: number;
  deleted: boolean;
  seq: number;
  data: unknown;
}

/** One change as the feed publishes it, serialised without re-parsing the stored data. */
export function changeJson(row: ChangeRow): string {
  return (
    `{"seq":${row.seq},"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},` +
    `"op":"${row.op}","version":${row.version},"data":${row.data}}`
  );
}

export class HubDb {
  readonly db: Database.Database;
  private depth = 0;
  private wrote = false;
  private readonly listeners = new Set<() => void>();
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(path: string) {
    this.db = openSqliteFile(path, HUB_MIGRATIONS);
  }

  /** Throws SqliteFileError (a damaged file, or one written by a newer Nawa) and then leaves the file untouched. */
  static open(path: string): HubDb {
    return new HubDb(path);
  }

  /** Prepared once per SQL text: seeding writes about a thousand changes at start. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  close(): void {
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }

  /** Called after the outermost transaction that wrote a change has ended, so readers see committed data. */
  onChanges(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** IMMEDIATE at the top level, a savepoint when nested: a nested failure undoes only its own writes. */
  transaction<T>(fn: () => T): T {
    this.depth++;
    try {
      if (!this.db.inTransaction) return this.db.transaction(fn).immediate();
      // Nested (a savepoint per mutation of a call): statements prepared once, no new wrapper each time.
      this.stmt('SAVEPOINT hub_nested').run();
      try {
        const result = fn();
        this.stmt('RELEASE hub_nested').run();
        return result;
      } catch (err) {
        // SQLite may have ended the whole transaction itself (a full disk): then there is no savepoint to undo.
        if (this.db.inTransaction) {
          this.stmt('ROLLBACK TO hub_nested').run();
          this.stmt('RELEASE hub_nested').run();
        }
        throw err;
      }
    } finally {
      this.depth--;
      if (this.depth === 0 && this.wrote) {
        this.wrote = false;
        for (const l of [...this.listeners]) l();
      }
    }
  }

  lastSeq(): number {
    const row = this.stmt(`SELECT seq FROM sqlite_sequence WHERE name = 'changes'`).get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  /** Changes at or below the floor may have been compacted away. */
  floor(): number {
    return Number(this.getMeta('floor') ?? 0);
  }

  hasChange(seq: number): boolean {
    return this.stmt('SELECT 1 FROM changes WHERE seq = ?').get(seq) !== undefined;
  }

  readChanges(since: number, limit: number, entities?: readonly EntityName[]): { rows: ChangeRow[]; more: boolean } {
    const filter = entities ? ` AND entity IN (${entities.map(() => '?').join(',')})` : '';
    const rows = this.stmt(
      `SELECT seq, entity, id, op, version, data FROM changes WHERE seq > ?${filter} ORDER BY seq LIMIT ?`,
    ).all(since, ...(entities ?? []), limit + 1) as ChangeRow[];
    const more = rows.length > limit;
    if (more) rows.pop();
    return { rows, more };
  }

  getRecord(entity: EntityName, id: string): StoredRecord | undefined {
    const row = this.stmt('SELECT version, deleted, seq, data FROM records WHERE entity = ? AND id = ?').get(
      entity,
      id,
    ) as { version: number; deleted: number; seq: number; data: string } | undefined;
    return row && { version: row.version, deleted: row.deleted === 1, seq: row.seq, data: JSON.parse(row.data) };
  }

  /** Live records of one entity, oldest change first. */
  listRecords<T>(entity: EntityName): T[] {
    const rows = this.stmt('SELECT data FROM records WHERE entity = ? AND deleted = 0 ORDER BY seq').all(entity) as {
      data: string;
    }[];
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  /** The hash of the newest decision (the chain's head), read without parsing the decision. */
  chainHead(): string | undefined {
    const row = this.stmt(
      `SELECT json_extract(data, '$.hash') AS hash FROM changes WHERE entity = 'decision' ORDER BY seq DESC LIMIT 1`,
    ).get() as { hash: string } | undefined;
    return row?.hash;
  }

  /** The data of an entity's newest change (the decision chain's head: decisions are never compacted). */
  newestData<T>(entity: EntityName): T | undefined {
    const row = this.stmt('SELECT data FROM changes WHERE entity = ? ORDER BY seq DESC LIMIT 1').get(entity) as
      { data: string } | undefined;
    return row && (JSON.parse(row.data) as T);
  }

  /**
   * Appends one change and makes it the record's current state. `build` receives the seq and version
   * the change gets, because some records (decisions) publish them inside their own data.
   * Must run inside transaction(): the seq is read and used in the same transaction.
   */
  write(
    entity: EntityName,
    id: string,
    op: 'upsert' | 'delete',
    build: (seq: number, version: number) => unknown,
  ): { seq: number; version: number } {
    if (!this.db.inTransaction) throw new Error('HubDb.write outside a transaction');
    const seq = this.lastSeq() + 1;
    // The version alone: parsing the record's data here cost every write (an outbox drain writes thousands).
    const held = this.stmt('SELECT version FROM records WHERE entity = ? AND id = ?').get(entity, id) as
      { version: number } | undefined;
    const version = (held?.version ?? 0) + 1;
    const data = JSON.stringify(op === 'delete' ? null : build(seq, version));
    this.stmt('INSERT INTO changes (seq, entity, id, op, version, data) VALUES (?, ?, ?, ?, ?, ?)').run(
      seq,
      entity,
      id,
      op,
      version,
      data,
    );
    this.stmt(
      `INSERT INTO records (entity, id, version, deleted, seq, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, seq = excluded.seq, data = excluded.data`,
    ).run(entity, id, version, op === 'delete' ? 1 : 0, seq, data);
    this.wrote = true;
    return { seq, version };
  }

  /**
   * Drops changes at or below keepAfterSeq that a later change of the same record supersedes, and
   * raises the floor. Tombstones and append-only records stay, so a download from seq 0 is still complete.
   * Returns how many changes were dropped.
   */
  compact(keepAfterSeq: number): number {
    if (!Number.isSafeInteger(keepAfterSeq) || keepAfterSeq < 0)
      throw new Error('keepAfterSeq must be a non-negative integer');
    return this.transaction(() => {
      const k = Math.min(keepAfterSeq, this.lastSeq());
      const { changes } = this.stmt(
        `DELETE FROM changes WHERE seq <= ? AND EXISTS (
             SELECT 1 FROM records r WHERE r.entity = changes.entity AND r.id = changes.id AND r.seq > changes.seq)`,
      ).run(k);
      if (k > this.floor()) this.setMeta('floor', String(k));
      return changes;
    });
  }

  getMeta(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }
}
