// The hub's schema, one append-only list of steps; PRAGMA user_version records how many ran.
import type Database from 'better-sqlite3';
import { accountsAndAudit } from './migrations-accounts';

type Migration = (db: Database.Database) => void;

export const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE accounts (
        username TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('supervisor', 'operator', 'presenter', 'viewer')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      -- Only the sha256 of a token is kept, so a copied database file hands out no sessions.
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions(expires_at);
      -- AUTOINCREMENT: a seq is never handed out twice, even after compaction deletes rows.
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        version INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX changes_entity ON changes(entity, seq);
      CREATE INDEX changes_record ON changes(entity, id, seq);
      -- The current state of each record, tombstones included so a re-created id keeps counting versions.
      CREATE TABLE records (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) WITHOUT ROWID;
      -- Applied mutations by idempotency key; seq is not a foreign key because compaction may drop the change.
      CREATE TABLE mutations (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        version INTEGER NOT NULL,
        operator TEXT NOT NULL,
        console_id TEXT NOT NULL,
        client_time TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
    `);
  },
  accountsAndAudit,
];

/** Brings the schema up to date; refuses a file written by a newer hub rather than guess at its meaning. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`hub database schema ${current} is newer than this hub understands (${MIGRATIONS.length})`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const step = MIGRATIONS[v] as Migration;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
