// The hub's storage on one SQLite file (hub-storage.ts is the contract): all of its SQL is here.
//
// better-sqlite3 is synchronous and the port is async, so one connection serves everything through a lock: a
// transaction holds it from BEGIN IMMEDIATE to COMMIT, and any statement from outside the transaction waits for it.
// Without the lock a request served while a transaction awaits would read that transaction's uncommitted writes
// (one connection sees its own), and could publish a change that a savepoint then undoes. Statements outside a
// transaction run at once when the lock is free, so reads cost what they did when the hub was synchronous.
//
// seq comes from the AUTOINCREMENT counter of `changes` (sqlite_sequence): IMMEDIATE transactions are the only
// writers, one at a time, so seqs commit in order and are never handed out twice, even after compaction.
import type Database from 'better-sqlite3';
import type { EntityName } from '../../common/central-api';
import type { Role } from '../../common/entities';
import { openSqliteFile } from '../base/sqlite-file';
import { HUB_MIGRATIONS } from './migrations';
import type {
  AccountChange,
  AccountRow,
  AppliedMutation,
  AuditInput,
  AuditRow,
  ChangePage,
  ChangeRow,
  HubStorage,
  HubTx,
  MutationEntry,
  NewAccount,
  SessionAccount,
  SessionsEnded,
  StoredRecord,
} from './hub-storage';

interface AccountDbRow {
  username: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
  last_login_at: string | null;
}

const accountRow = (r: AccountDbRow): AccountRow => ({
  username: r.username,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

const ACCOUNT_COLUMNS = 'username, name, role, password_hash, disabled, created_at, last_login_at';

/** Runs `fn` at once; what it throws becomes the rejection. */
const now = <T>(fn: () => T): Promise<T> => new Promise<T>((resolve) => resolve(fn()));

/** A FIFO lock: `acquire` resolves to its release. */
class Lock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  get free(): boolean {
    return !this.held && this.waiters.length === 0;
  }

  acquire(): Promise<() => void> {
    const release = () => {
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    };
    if (!this.held) {
      this.held = true;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => this.waiters.push(() => resolve(release)));
  }
}

/** The statements, run synchronously; `run` decides when (at once inside a transaction, after the lock outside). */
abstract class SqliteOps {
  protected abstract run<T>(fn: () => T): Promise<T>;

  constructor(protected readonly conn: SqliteConnection) {}

  private stmt(sql: string): Database.Statement {
    return this.conn.stmt(sql);
  }

  protected lastSeqNow(): number {
    const row = this.stmt(`SELECT seq FROM sqlite_sequence WHERE name = 'changes'`).get() as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  protected getMetaNow(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  protected setMetaNow(key: string, value: string): void {
    this.stmt('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  lastSeq(): Promise<number> {
    return this.run(() => this.lastSeqNow());
  }

  floor(): Promise<number> {
    return this.run(() => Number(this.getMetaNow('floor') ?? 0));
  }

  hasChange(seq: number): Promise<boolean> {
    return this.run(() => this.stmt('SELECT 1 FROM changes WHERE seq = ?').get(seq) !== undefined);
  }

  readChanges(since: number, limit: number, entities?: readonly EntityName[]): Promise<ChangePage> {
    return this.run(() => {
      const filter = entities ? ` AND entity IN (${entities.map(() => '?').join(',')})` : '';
      const rows = this.stmt(
        `SELECT seq, entity, id, op, version, data FROM changes WHERE seq > ?${filter} ORDER BY seq LIMIT ?`,
      ).all(since, ...(entities ?? []), limit + 1) as ChangeRow[];
      const more = rows.length > limit;
      if (more) rows.pop();
      return { rows, more, head: this.lastSeqNow() };
    });
  }

  getRecord(entity: EntityName, id: string): Promise<StoredRecord | undefined> {
    return this.run(() => {
      const row = this.stmt('SELECT version, deleted, seq, data FROM records WHERE entity = ? AND id = ?').get(
        entity,
        id,
      ) as { version: number; deleted: number; seq: number; data: string } | undefined;
      return (
        row && { version: row.version, deleted: row.deleted === 1, seq: row.seq, data: JSON.parse(row.data) as unknown }
      );
    });
  }

  liveIds(entity: EntityName): Promise<string[]> {
    return this.run(
      () => this.stmt('SELECT id FROM records WHERE entity = ? AND deleted = 0').pluck().all(entity) as string[],
    );
  }

  chainHead(): Promise<string | undefined> {
    return this.run(() => {
      const row = this.stmt(
        `SELECT json_extract(data, '$.hash') AS hash FROM changes WHERE entity = 'decision' ORDER BY seq DESC LIMIT 1`,
      ).get() as { hash: string } | undefined;
      return row?.hash;
    });
  }

  getMeta(key: string): Promise<string | undefined> {
    return this.run(() => this.getMetaNow(key));
  }

  newestReadingValue(seriesId: string): Promise<number | undefined> {
    return this.run(() => {
      const data = this.stmt(
        `SELECT data FROM changes WHERE entity = 'reading' AND json_extract(data, '$.seriesId') = ? ORDER BY seq DESC LIMIT 1`,
      )
        .pluck()
        .get(seriesId) as string | undefined;
      return data ? (JSON.parse(data) as { value: number }).value : undefined;
    });
  }

  randomOpenIncident(): Promise<string | undefined> {
    return this.run(
      () =>
        this.stmt(
          `SELECT data FROM records WHERE entity = 'incident' AND json_extract(data, '$.status') <> 'closed' ORDER BY random() LIMIT 1`,
        )
          .pluck()
          .get() as string | undefined,
    );
  }

  randomVillage(): Promise<string | undefined> {
    return this.run(
      () =>
        this.stmt(
          `SELECT data FROM records WHERE entity = 'site' AND deleted = 0 AND json_extract(data, '$.kind') = 'village' ORDER BY random() LIMIT 1`,
        )
          .pluck()
          .get() as string | undefined,
    );
  }

  findMutation(id: string): Promise<AppliedMutation | undefined> {
    return this.run(
      () =>
        this.stmt('SELECT fingerprint, seq, version FROM mutations WHERE id = ?').get(id) as
          AppliedMutation | undefined,
    );
  }

  accountCount(): Promise<number> {
    return this.run(() => (this.stmt('SELECT count(*) AS n FROM accounts').get() as { n: number }).n);
  }

  getAccount(username: string): Promise<AccountRow | undefined> {
    return this.run(() => {
      const row = this.stmt(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE username = ?`).get(username) as
        AccountDbRow | undefined;
      return row && accountRow(row);
    });
  }

  listAccounts(): Promise<AccountRow[]> {
    return this.run(() =>
      (this.stmt(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY username`).all() as AccountDbRow[]).map(accountRow),
    );
  }

  insertAccount(a: NewAccount): Promise<boolean> {
    return this.run(
      () =>
        this.stmt(
          'INSERT OR IGNORE INTO accounts (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        ).run(a.username, a.name, a.role, a.passwordHash, a.createdAt).changes === 1,
    );
  }

  updateAccount(username: string, c: AccountChange): Promise<void> {
    return this.run(() => {
      if (c.name !== undefined) this.stmt('UPDATE accounts SET name = ? WHERE username = ?').run(c.name, username);
      if (c.role !== undefined) this.stmt('UPDATE accounts SET role = ? WHERE username = ?').run(c.role, username);
      if (c.disabled !== undefined)
        this.stmt('UPDATE accounts SET disabled = ? WHERE username = ?').run(c.disabled ? 1 : 0, username);
      if (c.passwordHash !== undefined)
        this.stmt('UPDATE accounts SET password_hash = ? WHERE username = ?').run(c.passwordHash, username);
    });
  }

  upgradePasswordHash(username: string, hash: string, previous: string): Promise<void> {
    return this.run(() => {
      this.stmt('UPDATE accounts SET password_hash = ? WHERE username = ? AND password_hash = ?').run(
        hash,
        username,
        previous,
      );
    });
  }

  setLastLogin(username: string, at: string): Promise<void> {
    return this.run(() => {
      this.stmt('UPDATE accounts SET last_login_at = ? WHERE username = ?').run(at, username);
    });
  }

  deleteExpiredSessions(now: string): Promise<void> {
    return this.run(() => {
      this.stmt('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    });
  }

  insertSession(tokenHash: string, username: string, createdAt: string, expiresAt: string): Promise<void> {
    return this.run(() => {
      this.stmt('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
        tokenHash,
        username,
        createdAt,
        expiresAt,
      );
    });
  }

  sessionAccount(tokenHash: string, now: string): Promise<SessionAccount | undefined> {
    return this.run(
      () =>
        this.stmt(
          `SELECT a.username, a.name, a.role, s.expires_at AS expiresAt FROM sessions s JOIN accounts a ON a.username = s.username
           WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0`,
        ).get(tokenHash, now) as SessionAccount | undefined,
    );
  }

  deleteSession(tokenHash: string): Promise<void> {
    return this.run(() => {
      this.stmt('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    });
  }

  deleteSessionsOf(username: string): Promise<number> {
    return this.run(() => this.stmt('DELETE FROM sessions WHERE username = ?').run(username).changes);
  }

  insertAudit(e: AuditInput): Promise<void> {
    return this.run(() => {
      this.stmt('INSERT INTO audit (at, kind, username, actor, address, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
        e.at,
        e.kind,
        e.username,
        e.actor,
        e.address,
        e.detail,
      );
    });
  }

  listAudit(limit: number, before: number, username?: string): Promise<AuditRow[]> {
    return this.run(
      () =>
        this.stmt(
          `SELECT id, at, kind, username, actor, address, detail FROM audit
             WHERE id < ? AND (? IS NULL OR username = ?) ORDER BY id DESC LIMIT ?`,
        ).all(before, username ?? null, username ?? null, limit) as AuditRow[],
    );
  }
}

/** The one connection with its prepared statements (prepared once per SQL text: seeding writes thousands). */
class SqliteConnection {
  private readonly statements = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}

class SqliteTx extends SqliteOps implements HubTx {
  active = true;
  wrote = false;

  protected run<T>(fn: () => T): Promise<T> {
    if (!this.active) return Promise.reject(new Error('the hub transaction has ended'));
    return now(fn);
  }

  write(
    entity: EntityName,
    id: string,
    op: 'upsert' | 'delete',
    build: (seq: number, version: number) => unknown,
    known?: { version: number } | null,
  ): Promise<{ seq: number; version: number }> {
    return this.run(() => {
      const seq = this.lastSeqNow() + 1;
      // The version alone: parsing the record's data here cost every write (an outbox drain writes thousands).
      const held =
        known === undefined
          ? (this.conn.stmt('SELECT version FROM records WHERE entity = ? AND id = ?').get(entity, id) as
              { version: number } | undefined)
          : known;
      const version = (held?.version ?? 0) + 1;
      const data = JSON.stringify(op === 'delete' ? null : build(seq, version));
      this.conn
        .stmt('INSERT INTO changes (seq, entity, id, op, version, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(seq, entity, id, op, version, data);
      this.conn
        .stmt(
          `INSERT INTO records (entity, id, version, deleted, seq, data) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, seq = excluded.seq, data = excluded.data`,
        )
        .run(entity, id, version, op === 'delete' ? 1 : 0, seq, data);
      this.wrote = true;
      return { seq, version };
    });
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.run(() => this.setMetaNow(key, value));
  }

  recordMutation(e: MutationEntry): Promise<void> {
    return this.run(() => {
      this.conn
        .stmt(
          `INSERT INTO mutations (id, fingerprint, status, entity, record_id, seq, version, operator, console_id, client_time, received_at)
           VALUES (?, ?, 'applied', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          e.id,
          e.fingerprint,
          e.entity,
          e.recordId,
          e.seq,
          e.version,
          e.operator,
          e.consoleId,
          e.clientTime,
          e.receivedAt,
        );
    });
  }

  async savepoint<T>(fn: (tx: HubTx) => Promise<T>): Promise<T> {
    const db = this.conn.db;
    await this.run(() => this.conn.stmt('SAVEPOINT hub_nested').run());
    try {
      const result = await fn(this);
      this.conn.stmt('RELEASE hub_nested').run();
      return result;
    } catch (err) {
      // SQLite may have ended the whole transaction itself (a full disk): then there is no savepoint to undo.
      if (db.inTransaction) {
        this.conn.stmt('ROLLBACK TO hub_nested').run();
        this.conn.stmt('RELEASE hub_nested').run();
      }
      throw err;
    }
  }
}

export class SqliteHubStorage extends SqliteOps implements HubStorage {
  readonly kind = 'sqlite' as const;
  private readonly lock = new Lock();
  private readonly listeners = new Set<() => void>();
  private readonly sessionListeners = new Set<(ended: SessionsEnded) => void>();

  private constructor(
    readonly location: string,
    conn: SqliteConnection,
  ) {
    super(conn);
  }

  /** Throws SqliteFileError (a damaged file, or one written by a newer Nawa) and then leaves the file untouched. */
  static open(path: string): SqliteHubStorage {
    return new SqliteHubStorage(path, new SqliteConnection(openSqliteFile(path, HUB_MIGRATIONS)));
  }

  /** The file's own handle, for tools that fill or inspect it directly (benchmarks, tests). */
  get db(): Database.Database {
    return this.conn.db;
  }

  protected run<T>(fn: () => T): Promise<T> {
    if (this.lock.free) return now(fn);
    return this.lock.acquire().then((release) => {
      try {
        return fn();
      } finally {
        release();
      }
    });
  }

  async transaction<T>(fn: (tx: HubTx) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    const tx = new SqliteTx(this.conn);
    const db = this.conn.db;
    try {
      this.conn.stmt('BEGIN IMMEDIATE').run();
      let result: T;
      try {
        result = await fn(tx);
        this.conn.stmt('COMMIT').run();
      } catch (err) {
        if (db.inTransaction) this.conn.stmt('ROLLBACK').run();
        tx.wrote = false;
        throw err;
      }
      return result;
    } finally {
      tx.active = false;
      release();
      if (tx.wrote) for (const l of [...this.listeners]) l();
    }
  }

  onChanges(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One process owns the file: its own listeners are all there are. */
  announceSessionsEnded(ended: SessionsEnded): Promise<void> {
    for (const l of [...this.sessionListeners]) l(ended);
    return Promise.resolve();
  }

  onSessionsEnded(listener: (ended: SessionsEnded) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  compact(keepAfterSeq: number): Promise<number> {
    if (!Number.isSafeInteger(keepAfterSeq) || keepAfterSeq < 0)
      return Promise.reject(new Error('keepAfterSeq must be a non-negative integer'));
    return this.transaction(async (tx) => {
      const k = Math.min(keepAfterSeq, await tx.lastSeq());
      const { changes } = this.conn
        .stmt(
          `DELETE FROM changes WHERE seq <= ? AND EXISTS (
             SELECT 1 FROM records r WHERE r.entity = changes.entity AND r.id = changes.id AND r.seq > changes.seq)`,
        )
        .run(k);
      if (k > (await tx.floor())) await tx.setMeta('floor', String(k));
      return changes;
    });
  }

  /** A local file is there or the hub is not: its errors are the hub's own. */
  isUnavailable(): boolean {
    return false;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.sessionListeners.clear();
    const release = await this.lock.acquire();
    try {
      if (this.conn.db.open) this.conn.db.close();
    } finally {
      release();
    }
  }
}
