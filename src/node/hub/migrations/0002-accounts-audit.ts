// v1.1 accounts and sessions: disabled accounts, the last login, and the audit log.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    ALTER TABLE accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
    ALTER TABLE accounts ADD COLUMN last_login_at TEXT;
    -- Who did what to which account, and every login, logout, failed login and lockout; append only.
    CREATE TABLE audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      username TEXT NOT NULL,
      actor TEXT,
      address TEXT,
      detail TEXT
    );
    CREATE INDEX audit_username ON audit(username, id);
  `);
}
