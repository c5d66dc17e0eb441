import type { Database } from 'better-sqlite3';

// Signed decisions (central-api.md v1.1): the feed's signing keys, and the alarms raised when the feed offers a
// decision that does not verify or differs from a verified copy. The verified watermark lives in sync_state.
// The cursor goes back to 0 so the whole feed is pulled again and every decision held is verified once.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE signing_keys (id TEXT PRIMARY KEY, public_key TEXT NOT NULL, operator_id TEXT NOT NULL,
      console_id TEXT NOT NULL, revoked_seq INTEGER, data TEXT NOT NULL);
    CREATE TABLE tamper_alarms (n INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER, decision_id TEXT,
      reason TEXT NOT NULL, offered TEXT, kept TEXT, raised_at TEXT NOT NULL);
    UPDATE sync_state SET value = '0' WHERE key = 'cursor';
  `);
}
