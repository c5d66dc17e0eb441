import type { Database } from 'better-sqlite3';

// Central entities mirrored as the feed publishes them, plus the sync cursor, the outbox and settings.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sites (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, district_code TEXT,
      lat REAL NOT NULL, lon REAL NOT NULL, version INTEGER NOT NULL);
    CREATE TABLE statuses (site_id TEXT PRIMARY KEY, at TEXT NOT NULL, state TEXT NOT NULL,
      latency_ms REAL, bandwidth_mbps REAL);
    CREATE TABLE series (id TEXT PRIMARY KEY, sector TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, site_id TEXT);
    CREATE TABLE readings (series_id TEXT NOT NULL, at TEXT NOT NULL, value REAL NOT NULL,
      PRIMARY KEY (series_id, at)) WITHOUT ROWID;
    CREATE TABLE incidents (id TEXT PRIMARY KEY, data TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL);
    -- seq is NULL while the decision waits in the outbox; the central record replaces it when pulled.
    CREATE TABLE decisions (id TEXT PRIMARY KEY, data TEXT NOT NULL, seq INTEGER UNIQUE, hash TEXT,
      state TEXT NOT NULL CHECK (state IN ('pending', 'synced', 'rejected')), error TEXT,
      recorded_at TEXT NOT NULL);
    CREATE INDEX decisions_order ON decisions (seq, recorded_at);
    CREATE TABLE layouts (id TEXT PRIMARY KEY, data TEXT NOT NULL, version INTEGER NOT NULL);
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE outbox (n INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, entity TEXT NOT NULL,
      op TEXT NOT NULL, base_version INTEGER, data TEXT NOT NULL, client_time TEXT NOT NULL,
      operator_id TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected', 'conflict')),
      error TEXT, attempts INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX outbox_pending ON outbox (state, n);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
}
