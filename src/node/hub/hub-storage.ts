// The hub's storage port: everything the hub keeps (the change log and its seq, the current records, applied
// mutations, accounts, sessions, the audit) behind one async interface, so the same hub runs on a SQLite file or
// on PostgreSQL.
//
// Why a port of named operations and not SQL strings with a dialect layer: the two backends differ exactly where
// the hub's guarantees live (how a seq is assigned and made visible, how a write transaction excludes another,
// how JSON is read inside a query), so each implementation holds all of its SQL in one file
// (sqlite-hub-storage.ts, pg-hub-storage.ts) and says there how it keeps the promises written here. The rest of the
// hub never sees SQL.
//
// The promises every implementation keeps:
// - transaction() runs its function with exclusive write access: no other write transaction (in this process or,
//   for PostgreSQL, any other process on the database) runs between its first statement and its commit, so a read
//   inside it (a record's version, the decision chain's head, a mutation id already applied) stays true until it
//   commits. tx.savepoint() undoes only its own part when its function throws.
// - write() gives each change the next seq; a reader never sees seq N+1 without N (commits happen in seq order).
// - readChanges() returns a page and the feed's head (lastSeq) from one consistent view of the database.
// - onChanges() listeners hear after a commit that wrote changes (for PostgreSQL, commits of any process), and
//   onSessionsEnded() listeners hear of logouts and revocations of any process.
import type { EntityName } from '../../common/central-api';
import type { Role } from '../../common/entities';

export interface ChangeRow {
  seq: number;
  entity: EntityName;
  id: string;
  op: 'upsert' | 'delete';
  version: number;
  /** The record's JSON as stored, published without re-parsing. */
  data: string;
}

export interface StoredRecord {
  version: number;
  deleted: boolean;
  seq: number;
  data: unknown;
}

export interface ChangePage {
  rows: ChangeRow[];
  more: boolean;
  /** The feed's head when the page was read (a page and this head come from one view of the database). */
  head: number;
}

/** One change as the feed publishes it, serialised without re-parsing the stored data. */
export function changeJson(row: ChangeRow): string {
  return (
    `{"seq":${row.seq},"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},` +
    `"op":"${row.op}","version":${row.version},"data":${row.data}}`
  );
}

export interface AppliedMutation {
  fingerprint: string;
  seq: number;
  version: number;
}

export interface MutationEntry {
  id: string;
  fingerprint: string;
  entity: string;
  recordId: string;
  seq: number;
  version: number;
  operator: string;
  consoleId: string;
  clientTime: string;
  receivedAt: string;
}

export interface AccountRow {
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface NewAccount {
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export interface AccountChange {
  name?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
}

/** The account behind a live session. */
export interface SessionAccount {
  username: string;
  name: string;
  role: Role;
  expiresAt: string;
}

export interface AuditRow {
  id: number;
  at: string;
  kind: string;
  username: string;
  actor: string | null;
  address: string | null;
  /** JSON text, or null. */
  detail: string | null;
}

export type AuditInput = Omit<AuditRow, 'id'>;

/** Failed logins kept in the database for the limiter that several processes share (login-limit.ts). */
export interface LoginFailureStore {
  /** Checks and counts an attempt for `key` in one atomic step: refused when `limit` attempts fall in the window. */
  beginLoginAttempt(
    key: string,
    nowMs: number,
    windowMs: number,
    limit: number,
  ): Promise<{ ok: true; id: number } | { ok: false; retryAfterMs: number; lockout: boolean }>;
  /** A right password: that attempt was no failure. */
  forgiveLoginAttempt(id: number): Promise<void>;
}

/** Sessions that ended (a logout: one token; revoked: all of an account's), whose streams must close. */
export interface SessionsEnded {
  tokenHash?: string;
  username?: string;
}

/** What may run inside a transaction or on its own (each on its own is atomic). */
export interface HubOps {
  lastSeq(): Promise<number>;
  /** Changes at or below the floor may have been compacted away. */
  floor(): Promise<number>;
  hasChange(seq: number): Promise<boolean>;
  readChanges(since: number, limit: number, entities?: readonly EntityName[]): Promise<ChangePage>;
  getRecord(entity: EntityName, id: string): Promise<StoredRecord | undefined>;
  /** Ids of the live (not deleted) records of an entity. */
  liveIds(entity: EntityName): Promise<string[]>;
  /** The hash of the newest decision (the chain's head). */
  chainHead(): Promise<string | undefined>;
  getMeta(key: string): Promise<string | undefined>;

  /** The simulator's picks: the newest reading of a series, an open incident and a village at random. */
  newestReadingValue(seriesId: string): Promise<number | undefined>;
  randomOpenIncident(): Promise<string | undefined>;
  randomVillage(): Promise<string | undefined>;

  findMutation(id: string): Promise<AppliedMutation | undefined>;

  accountCount(): Promise<number>;
  getAccount(username: string): Promise<AccountRow | undefined>;
  listAccounts(): Promise<AccountRow[]>;
  /** false when the username exists (the account is left as it was). */
  insertAccount(account: NewAccount): Promise<boolean>;
  updateAccount(username: string, change: AccountChange): Promise<void>;
  /** Replaces the hash only if it is still `previous` (a password change meanwhile wins). */
  upgradePasswordHash(username: string, hash: string, previous: string): Promise<void>;
  setLastLogin(username: string, at: string): Promise<void>;

  /** Drops sessions that expired at or before `now`. */
  deleteExpiredSessions(now: string): Promise<void>;
  insertSession(tokenHash: string, username: string, createdAt: string, expiresAt: string): Promise<void>;
  /** The live session's account: not expired at `now`, the account not disabled. */
  sessionAccount(tokenHash: string, now: string): Promise<SessionAccount | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Returns how many sessions the account had. */
  deleteSessionsOf(username: string): Promise<number>;

  insertAudit(entry: AuditInput): Promise<void>;
  /** Newest first, ids below `before`, optionally of one username. */
  listAudit(limit: number, before: number, username?: string): Promise<AuditRow[]>;
}

/** A write transaction: the ops above plus the change log's writes. */
export interface HubTx extends HubOps {
  /**
   * Appends one change and makes it the record's current state. `build` receives the seq and version the change
   * gets, because some records (decisions) publish them inside their own data. `held`: the record as this
   * transaction already read it (null: known absent), which saves reading its version again.
   */
  write(
    entity: EntityName,
    id: string,
    op: 'upsert' | 'delete',
    build: (seq: number, version: number) => unknown,
    held?: { version: number } | null,
  ): Promise<{ seq: number; version: number }>;
  setMeta(key: string, value: string): Promise<void>;
  recordMutation(entry: MutationEntry): Promise<void>;
  /** A nested part (one mutation of a call): when `fn` throws, only its own writes are undone. */
  savepoint<T>(fn: (tx: HubTx) => Promise<T>): Promise<T>;
}

export interface HubStorage extends HubOps {
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data lives, for messages: a file path, or a URL without its password. */
  readonly location: string;
  transaction<T>(fn: (tx: HubTx) => Promise<T>): Promise<T>;
  /** Called after a commit that wrote changes, so readers see committed data. Returns the unsubscribe. */
  onChanges(listener: () => void): () => void;
  /** Tells every process on this database (this one included) that sessions ended. */
  announceSessionsEnded(ended: SessionsEnded): Promise<void>;
  onSessionsEnded(listener: (ended: SessionsEnded) => void): () => void;
  /** Where several processes share the database, the login limiter counts here; undefined: in memory. */
  readonly loginFailures?: LoginFailureStore;
  /**
   * Drops changes at or below keepAfterSeq that a later change of the same record supersedes, and raises the floor.
   * Tombstones and append-only records stay, so a download from seq 0 is still complete. Returns how many went.
   */
  compact(keepAfterSeq: number): Promise<number>;
  /** Whether an error says the database cannot be reached now (answered 503, not as a bug). */
  isUnavailable(err: unknown): boolean;
  close(): Promise<void>;
}

/** A transaction that is already open, or the storage itself (which opens one). */
export function inTransaction<T>(on: HubStorage | HubTx, fn: (tx: HubTx) => Promise<T>): Promise<T> {
  return 'savepoint' in on ? on.savepoint(fn) : on.transaction(fn);
}
