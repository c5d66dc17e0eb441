// The hub's storage on PostgreSQL (hub-storage.ts is the contract): all of its SQL is here. Several hub processes
// may share one database; this file is where they agree.
//
// seq, and why a reader never sees N+1 before N. A PostgreSQL sequence would not do: two transactions take 7 and
// 8, the one with 8 commits first, and a reader that pulls "after 6" then gets 8, stores 8 as its cursor and never
// sees 7. So there is no sequence. The feed's head is one row (feed_head.last_seq) and every write transaction
// locks it first (SELECT ... FOR UPDATE, the transaction's first statement):
//   - the lock is held until COMMIT, so write transactions run one at a time across every process, and the next
//     writer reads last_seq only after the previous one has committed: seqs are handed out in commit order, with
//     no gap (a rolled-back transaction never moved the head);
//   - a transaction's changes and its new head commit atomically, and PostgreSQL makes a commit visible before it
//     releases that transaction's locks, so any snapshot that holds seq N+1 holds N and everything below it;
//   - readChanges reads the page and the head in one statement, so one snapshot: a client's `lastSeq` never runs
//     ahead of what its page held.
// The same lock makes each write transaction see the latest committed state before it reads anything it decides
// on (READ COMMITTED takes a fresh snapshot per statement, and every statement comes after the lock): a record's
// version for optimistic concurrency, a mutation id already applied (a retry on another process is `duplicate`),
// and the decision chain's head (one chain, never forked). The price is one writer at a time for the whole
// database, as with SQLite's BEGIN IMMEDIATE: the benchmark (bench/hub-backends.ts) shows what that costs.
//
// Listeners hear changes of every process through LISTEN/NOTIFY: a committing writer notifies in its
// transaction (delivered at commit), and each process keeps one connection listening (and, should it drop,
// reconnects and looks again, so nothing committed meanwhile is missed: the streams read from the database, the
// notification only wakes them). Logouts and revocations go the same way on a second channel, so a stream held by
// any process closes when its token ends. Sessions and failed logins live in the database too, so a token revoked
// through one process is refused by all, and the login limit counts attempts made through any of them.
import pg from 'pg';
import type { EntityName } from '../../common/central-api';
import type { Role } from '../../common/entities';
import { checkPgSchema, migratePg, PgSchemaError } from './pg-schema';
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
  LoginFailureStore,
  SessionAccount,
  SessionsEnded,
  StoredRecord,
} from './hub-storage';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

// int8 as a JS number: seqs, versions and audit ids stay far below 2^53.
const INT8 = 20;
const parseInt8 = (v: string): number => Number(v);
const TYPES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8 && format !== 'binary' ? parseInt8 : (pg.types.getTypeParser(oid, format ?? 'text') as unknown),
};

interface AccountDbRow {
  username: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  created_at: string;
  last_login_at: string | null;
}

const accountRow = (r: AccountDbRow): AccountRow => ({
  username: r.username,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  disabled: r.disabled,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

const ACCOUNT_COLUMNS = 'username, name, role, password_hash, disabled, created_at, last_login_at';

// Connection failures (class 08), the server shutting down or starting (57P01-57P03), and the driver's own.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);

/** Whether an error of pg says the database cannot be reached (as opposed to a statement that failed). */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(err.message);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

class PgOps {
  constructor(protected readonly q: Queryable) {}

  protected async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.q.query(sql, params)).rows as T[];
  }

  protected async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  async lastSeq(): Promise<number> {
    return (await this.one<{ last_seq: number }>('SELECT last_seq FROM feed_head'))?.last_seq ?? 0;
  }

  async floor(): Promise<number> {
    return Number((await this.getMeta('floor')) ?? 0);
  }

  async hasChange(seq: number): Promise<boolean> {
    return (await this.one('SELECT 1 FROM changes WHERE seq = $1', [seq])) !== undefined;
  }

  async readChanges(since: number, limit: number, entities?: readonly EntityName[]): Promise<ChangePage> {
    // One statement, so one snapshot: the head is what this page was read against.
    const filter = entities ? ' AND entity = ANY($3::text[])' : '';
    const params: unknown[] = [since, limit + 1];
    if (entities) params.push(entities);
    const got = await this.rows<Omit<ChangeRow, 'seq'> & { head: number; seq: number | null }>(
      `SELECT h.last_seq AS head, c.seq, c.entity, c.id, c.op, c.version, c.data
         FROM feed_head h LEFT JOIN LATERAL (
           SELECT seq, entity, id, op, version, data FROM changes WHERE seq > $1${filter} ORDER BY seq LIMIT $2
         ) c ON true`,
      params,
    );
    const head = got[0]?.head ?? 0;
    const rows: ChangeRow[] = got
      .flatMap((r) => (r.seq === null ? [] : [{ ...r, seq: r.seq }]))
      .map((r) => ({ seq: r.seq, entity: r.entity, id: r.id, op: r.op, version: r.version, data: r.data }));
    const more = rows.length > limit;
    if (more) rows.pop();
    return { rows, more, head };
  }

  async getRecord(entity: EntityName, id: string): Promise<StoredRecord | undefined> {
    const row = await this.one<{ version: number; deleted: boolean; seq: number; data: string }>(
      'SELECT version, deleted, seq, data FROM records WHERE entity = $1 AND id = $2',
      [entity, id],
    );
    return row && { version: row.version, deleted: row.deleted, seq: row.seq, data: JSON.parse(row.data) as unknown };
  }

  async liveIds(entity: EntityName): Promise<string[]> {
    return (await this.rows<{ id: string }>('SELECT id FROM records WHERE entity = $1 AND NOT deleted', [entity])).map(
      (r) => r.id,
    );
  }

  async chainHead(): Promise<string | undefined> {
    const row = await this.one<{ hash: string }>(
      `SELECT data::json ->> 'hash' AS hash FROM changes WHERE entity = 'decision' ORDER BY seq DESC LIMIT 1`,
    );
    return row?.hash;
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.one<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))?.value;
  }

  async newestReadingValue(seriesId: string): Promise<number | undefined> {
    const row = await this.one<{ data: string }>(
      `SELECT data FROM changes WHERE entity = 'reading' AND data::json ->> 'seriesId' = $1 ORDER BY seq DESC LIMIT 1`,
      [seriesId],
    );
    return row ? (JSON.parse(row.data) as { value: number }).value : undefined;
  }

  async randomOpenIncident(): Promise<string | undefined> {
    const row = await this.one<{ data: string }>(
      `SELECT data FROM records WHERE entity = 'incident' AND data::json ->> 'status' <> 'closed' ORDER BY random() LIMIT 1`,
    );
    return row?.data;
  }

  async randomVillage(): Promise<string | undefined> {
    const row = await this.one<{ data: string }>(
      `SELECT data FROM records WHERE entity = 'site' AND NOT deleted AND data::json ->> 'kind' = 'village' ORDER BY random() LIMIT 1`,
    );
    return row?.data;
  }

  async findMutation(id: string): Promise<AppliedMutation | undefined> {
    return this.one<AppliedMutation>('SELECT fingerprint, seq, version FROM mutations WHERE id = $1', [id]);
  }

  async accountCount(): Promise<number> {
    return (await this.one<{ n: number }>('SELECT count(*) AS n FROM accounts'))?.n ?? 0;
  }

  async getAccount(username: string): Promise<AccountRow | undefined> {
    const row = await this.one<AccountDbRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE username = $1`, [username]);
    return row && accountRow(row);
  }

  async listAccounts(): Promise<AccountRow[]> {
    return (await this.rows<AccountDbRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY username`)).map(accountRow);
  }

  async insertAccount(a: NewAccount): Promise<boolean> {
    const r = await this.q.query(
      `INSERT INTO accounts (username, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO NOTHING`,
      [a.username, a.name, a.role, a.passwordHash, a.createdAt],
    );
    return r.rowCount === 1;
  }

  async updateAccount(username: string, c: AccountChange): Promise<void> {
    if (c.name === undefined && c.role === undefined && c.disabled === undefined && c.passwordHash === undefined)
      return;
    await this.q.query(
      `UPDATE accounts SET name = coalesce($2, name), role = coalesce($3, role),
         disabled = coalesce($4, disabled), password_hash = coalesce($5, password_hash) WHERE username = $1`,
      [username, c.name ?? null, c.role ?? null, c.disabled ?? null, c.passwordHash ?? null],
    );
  }

  async upgradePasswordHash(username: string, hash: string, previous: string): Promise<void> {
    await this.q.query('UPDATE accounts SET password_hash = $1 WHERE username = $2 AND password_hash = $3', [
      hash,
      username,
      previous,
    ]);
  }

  async setLastLogin(username: string, at: string): Promise<void> {
    await this.q.query('UPDATE accounts SET last_login_at = $1 WHERE username = $2', [at, username]);
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.q.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  }

  async insertSession(tokenHash: string, username: string, createdAt: string, expiresAt: string): Promise<void> {
    await this.q.query('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash,
      username,
      createdAt,
      expiresAt,
    ]);
  }

  async sessionAccount(tokenHash: string, now: string): Promise<SessionAccount | undefined> {
    return this.one<SessionAccount>(
      `SELECT a.username, a.name, a.role, s.expires_at AS "expiresAt" FROM sessions s JOIN accounts a ON a.username = s.username
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT a.disabled`,
      [tokenHash, now],
    );
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessionsOf(username: string): Promise<number> {
    return (await this.q.query('DELETE FROM sessions WHERE username = $1', [username])).rowCount ?? 0;
  }

  async insertAudit(e: AuditInput): Promise<void> {
    await this.q.query(
      'INSERT INTO audit (at, kind, username, actor, address, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [e.at, e.kind, e.username, e.actor, e.address, e.detail],
    );
  }

  async listAudit(limit: number, before: number, username?: string): Promise<AuditRow[]> {
    return this.rows<AuditRow>(
      `SELECT id, at, kind, username, actor, address, detail FROM audit
         WHERE id < $1 AND ($2::text IS NULL OR username = $2) ORDER BY id DESC LIMIT $3`,
      [before, username ?? null, limit],
    );
  }
}

class PgTx extends PgOps implements HubTx {
  /** The head this transaction has reached: read under the lock, moved by each write. */
  seq: number;
  readonly startSeq: number;

  constructor(client: pg.PoolClient, seq: number) {
    super(client);
    this.seq = seq;
    this.startSeq = seq;
  }

  override lastSeq(): Promise<number> {
    return Promise.resolve(this.seq);
  }

  async write(
    entity: EntityName,
    id: string,
    op: 'upsert' | 'delete',
    build: (seq: number, version: number) => unknown,
    known?: { version: number } | null,
  ): Promise<{ seq: number; version: number }> {
    const seq = this.seq + 1;
    // One round trip fewer when the caller read the record in this transaction already.
    const held =
      known === undefined
        ? await this.one<{ version: number }>('SELECT version FROM records WHERE entity = $1 AND id = $2', [entity, id])
        : known;
    const version = (held?.version ?? 0) + 1;
    const data = JSON.stringify(op === 'delete' ? null : build(seq, version));
    await this.q.query(
      `WITH c AS (INSERT INTO changes (seq, entity, id, op, version, data) VALUES ($1, $2, $3, $4, $5, $6))
       INSERT INTO records (entity, id, version, deleted, seq, data) VALUES ($2, $3, $5, $7, $1, $6)
         ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
           seq = excluded.seq, data = excluded.data`,
      [seq, entity, id, op, version, data, op === 'delete'],
    );
    this.seq = seq;
    return { seq, version };
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.q.query(
      'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  async recordMutation(e: MutationEntry): Promise<void> {
    await this.q.query(
      `INSERT INTO mutations (id, fingerprint, status, entity, record_id, seq, version, operator, console_id, client_time, received_at)
         VALUES ($1, $2, 'applied', $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
  }

  /** compact(): changes at or below k that a later change of the same record supersedes. */
  async deleteSuperseded(k: number): Promise<number> {
    const r = await this.q.query(
      `DELETE FROM changes c WHERE c.seq <= $1 AND EXISTS (
         SELECT 1 FROM records r WHERE r.entity = c.entity AND r.id = c.id AND r.seq > c.seq)`,
      [k],
    );
    return r.rowCount ?? 0;
  }

  async savepoint<T>(fn: (tx: HubTx) => Promise<T>): Promise<T> {
    const seq = this.seq;
    await this.q.query('SAVEPOINT hub_nested');
    try {
      const result = await fn(this);
      await this.q.query('RELEASE hub_nested');
      return result;
    } catch (err) {
      await this.q.query('ROLLBACK TO hub_nested');
      await this.q.query('RELEASE hub_nested');
      this.seq = seq;
      throw err;
    }
  }
}

export interface PgOpenOptions {
  /** Apply the migrations first (`nawa hub --migrate`, and tests); otherwise a schema behind the code is refused. */
  migrate?: boolean;
  log?: (line: string) => void;
  /** Connections in this process's pool (default 8). */
  poolSize?: number;
}

const RECONNECT_MS = 500;

export class PgHubStorage extends PgOps implements HubStorage {
  readonly kind = 'postgres' as const;
  private readonly listeners = new Set<() => void>();
  private readonly sessionListeners = new Set<(ended: SessionsEnded) => void>();
  readonly loginFailures: LoginFailureStore;
  private attempts = 0;
  private listener: pg.Client | undefined;
  private closed = false;
  private reconnect: NodeJS.Timeout | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    readonly location: string,
    /** The NOTIFY channels of this database and schema: committed changes, ended sessions. */
    private readonly channel: string,
    private readonly sessionChannel: string,
    private readonly log: (line: string) => void,
  ) {
    super(pool);
    this.loginFailures = {
      beginLoginAttempt: (key, nowMs, windowMs, limit) => this.beginLoginAttempt(key, nowMs, windowMs, limit),
      forgiveLoginAttempt: async (id) => {
        await this.pool.query('DELETE FROM login_failures WHERE id = $1', [id]);
      },
    };
  }

  static async open(url: string, opts: PgOpenOptions = {}): Promise<PgHubStorage> {
    const log = opts.log ?? (() => {});
    const location = redactUrl(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 8,
      types: TYPES,
      application_name: 'nawa-hub',
    });
    // An idle connection the server dropped would otherwise throw out of the process.
    pool.on('error', (err) => log(`PostgreSQL connection lost: ${err.message}`));
    try {
      let schema: string;
      try {
        schema = (await pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s ?? 'public';
      } catch (err) {
        throw new PgSchemaError('unreachable', `Cannot reach the database ${location}: ${(err as Error).message}`);
      }
      if (opts.migrate) await migratePg(pool);
      await checkPgSchema(pool, location);
      const storage = new PgHubStorage(
        pool,
        url,
        location,
        `nawa_feed_${schema}`.slice(0, 63),
        `nawa_sessions_${schema}`.slice(0, 63),
        log,
      );
      await storage.listen();
      return storage;
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  /** A connection of its own that hears every process's commits; set only once it listens. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, types: TYPES, application_name: 'nawa-hub-listen' });
    const lost = (why: string) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      void client.end().catch(() => {});
      this.relisten(why);
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (n) => {
      if (n.channel === this.sessionChannel) this.sessionsEnded(n.payload);
      else this.notifyLocal();
    });
    try {
      await client.connect();
      await client.query(
        `LISTEN ${pg.escapeIdentifier(this.channel)}; LISTEN ${pg.escapeIdentifier(this.sessionChannel)}`,
      );
    } catch (err) {
      void client.end().catch(() => {});
      throw err;
    }
    if (this.closed) return void client.end().catch(() => {});
    this.listener = client;
  }

  /**
   * Tries again every RECONNECT_MS until it listens once more (the database may be down for a while), then wakes
   * the listeners: whatever was committed meanwhile is read from the database, so nothing is missed.
   */
  private relisten(why: string): void {
    if (this.closed || this.reconnect) return;
    this.log(`PostgreSQL listener lost (${why}); reconnecting`);
    this.reconnect = setTimeout(() => {
      this.listen()
        .then(
          () => {
            this.reconnect = undefined;
            if (!this.closed) this.notifyLocal();
          },
          (err: unknown) => {
            this.reconnect = undefined;
            this.relisten(`reconnect failed: ${(err as Error).message}`);
          },
        )
        .catch(() => {});
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private sessionsEnded(payload: string | undefined): void {
    let ended: SessionsEnded;
    try {
      const raw = JSON.parse(payload ?? '') as SessionsEnded;
      ended = {
        ...(typeof raw.tokenHash === 'string' ? { tokenHash: raw.tokenHash } : {}),
        ...(typeof raw.username === 'string' ? { username: raw.username } : {}),
      };
    } catch {
      return;
    }
    if (ended.tokenHash === undefined && ended.username === undefined) return;
    for (const l of [...this.sessionListeners]) l(ended);
  }

  async announceSessionsEnded(ended: SessionsEnded): Promise<void> {
    // Here at once; the other processes when the notification reaches them (this one hears it again: harmless).
    for (const l of [...this.sessionListeners]) l(ended);
    await this.pool.query('SELECT pg_notify($1, $2)', [this.sessionChannel, JSON.stringify(ended)]);
  }

  onSessionsEnded(listener: (ended: SessionsEnded) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  /**
   * The login limit's check and count in one transaction, under an advisory lock of the key: parallel attempts
   * through any process are counted one after another, so no more than `limit` reach a password check.
   */
  private async beginLoginAttempt(
    key: string,
    nowMs: number,
    windowMs: number,
    limit: number,
  ): Promise<{ ok: true; id: number } | { ok: false; retryAfterMs: number; lockout: boolean }> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await c.query('BEGIN');
      try {
        await c.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':login:' || $1))`, [key]);
        if (++this.attempts % 1000 === 0)
          await c.query('DELETE FROM login_failures WHERE at_ms <= $1', [nowMs - windowMs]);
        await c.query('DELETE FROM login_failures WHERE key = $1 AND at_ms <= $2', [key, nowMs - windowMs]);
        const times = (
          await c.query<{ at_ms: number }>('SELECT at_ms FROM login_failures WHERE key = $1 ORDER BY at_ms, id', [key])
        ).rows.map((r) => r.at_ms);
        if (times.length >= limit) {
          const until = (times[times.length - limit] as number) + windowMs;
          const held = await c.query<{ until_ms: number }>('SELECT until_ms FROM login_lockouts WHERE key = $1', [key]);
          const lockout = (held.rows[0]?.until_ms ?? 0) < nowMs;
          await c.query(
            `INSERT INTO login_lockouts (key, until_ms) VALUES ($1, $2)
               ON CONFLICT (key) DO UPDATE SET until_ms = excluded.until_ms`,
            [key, until],
          );
          await c.query('COMMIT');
          return { ok: false, retryAfterMs: Math.max(1, until - nowMs), lockout };
        }
        const id = (
          await c.query<{ id: number }>('INSERT INTO login_failures (key, at_ms) VALUES ($1, $2) RETURNING id', [
            key,
            nowMs,
          ])
        ).rows[0]!.id;
        await c.query('COMMIT');
        return { ok: true, id };
      } catch (err) {
        await c.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      }
    } finally {
      c.release(broken);
    }
  }

  private notifyLocal(): void {
    for (const l of [...this.listeners]) l();
  }

  async transaction<T>(fn: (tx: HubTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    let wrote = false;
    try {
      // BEGIN and the feed lock in one round trip; every statement of fn comes after the lock.
      const began = (await client.query(
        'BEGIN; SELECT last_seq FROM feed_head FOR UPDATE',
      )) as unknown as pg.QueryResult[];
      const head = (began[1]?.rows[0] as { last_seq: number } | undefined)?.last_seq;
      if (head === undefined) throw new Error('feed_head is empty: the database is not a hub schema');
      const tx = new PgTx(client, head);
      let result: T;
      try {
        result = await fn(tx);
        if (tx.seq !== tx.startSeq) {
          wrote = true;
          await client.query(
            `UPDATE feed_head SET last_seq = ${tx.seq}; SELECT pg_notify(${pg.escapeLiteral(this.channel)}, '${tx.seq}'); COMMIT`,
          );
        } else {
          await client.query('COMMIT');
        }
      } catch (err) {
        wrote = false;
        await client.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw err;
      }
      return result;
    } catch (err) {
      if (!(err instanceof Error) || isConnectionError(err)) broken ??= err as Error;
      throw err;
    } finally {
      client.release(broken);
      if (wrote) this.notifyLocal();
    }
  }

  onChanges(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  compact(keepAfterSeq: number): Promise<number> {
    if (!Number.isSafeInteger(keepAfterSeq) || keepAfterSeq < 0)
      return Promise.reject(new Error('keepAfterSeq must be a non-negative integer'));
    return this.transaction(async (tx) => {
      const k = Math.min(keepAfterSeq, await tx.lastSeq());
      const dropped = await (tx as PgTx).deleteSuperseded(k);
      if (k > (await tx.floor())) await tx.setMeta('floor', String(k));
      return dropped;
    });
  }

  isUnavailable(err: unknown): boolean {
    return isConnectionError(err);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.sessionListeners.clear();
    clearTimeout(this.reconnect);
    const l = this.listener;
    this.listener = undefined;
    await l?.end().catch(() => {});
    await this.pool.end();
  }
}
